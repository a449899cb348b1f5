using System.IO.Compression;
using System.Text;
using Vibe.Application.Executors;

namespace Vibe.Executors.Web.Session;

/// <summary>
/// A Playwright trace records every action's parameters and DOM snapshots with input values, so a password
/// typed by the robot would be readable in trace.zip. This rewrites the trace's text entries through the run's
/// secret masker. Its pictures (the screencast, images of the page) cannot be masked: they stay when secrets only
/// went into password fields (shown as dots), and are dropped when one went into a field that shows its text.
/// </summary>
internal static class TraceMasking
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task MaskAsync(string zipPath, ISecretMasker masker, bool dropPictures, CancellationToken cancellationToken)
    {
        await using var archive = await ZipArchive.CreateAsync(File.Open(zipPath, FileMode.Open, FileAccess.ReadWrite), ZipArchiveMode.Update, leaveOpen: false, entryNameEncoding: null, cancellationToken);
        foreach (var entry in archive.Entries.ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            byte[] bytes;
            await using (var stream = await entry.OpenAsync(cancellationToken))
            using (var buffer = new MemoryStream())
            {
                await stream.CopyToAsync(buffer, cancellationToken);
                bytes = buffer.ToArray();
            }

            if (dropPictures && IsPicture(bytes))
            {
                entry.Delete();
                continue;
            }

            if (!TryDecode(bytes, out var text))
            {
                continue;
            }

            var masked = masker.Mask(text);
            if (masked == text)
            {
                continue;
            }

            var name = entry.FullName;
            entry.Delete();
            var replacement = archive.CreateEntry(name, CompressionLevel.Fastest);
            await using var output = await replacement.OpenAsync(cancellationToken);
            await output.WriteAsync(StrictUtf8.GetBytes(masked), cancellationToken);
        }
    }

    // JPEG (the screencast's frames), PNG, GIF and WebP, by their first bytes.
    private static bool IsPicture(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])
        || bytes.StartsWith("GIF8"u8)
        || (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8));

    private static bool TryDecode(byte[] bytes, out string text)
    {
        text = "";
        if (Array.IndexOf(bytes, (byte)0) >= 0)
        {
            return false;
        }

        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
