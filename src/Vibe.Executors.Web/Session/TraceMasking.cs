using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vibe.Application.Executors;

namespace Vibe.Executors.Web.Session;

/// <summary>
/// A Playwright trace records every action's parameters and DOM snapshots with input values, so a password
/// typed by the robot would be readable in trace.zip. This rewrites the trace's text entries through the run's
/// secret masker. Its pictures (the screencast, images of the page) cannot be masked: they stay when secrets only
/// went into password fields (shown as dots), and are dropped when one went into a field that shows its text.
/// The network log keeps what requests were made but not what they carried: request bodies (a login form's POST),
/// cookies and the Cookie, Authorization and Set-Cookie headers are removed whatever the masker knows.
/// </summary>
internal static class TraceMasking
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task MaskAsync(string zipPath, ISecretMasker masker, bool dropPictures, CancellationToken cancellationToken)
    {
        await using var archive = await ZipArchive.CreateAsync(File.Open(zipPath, FileMode.Open, FileAccess.ReadWrite), ZipArchiveMode.Update, leaveOpen: false, entryNameEncoding: null, cancellationToken);
        var bodies = await StripNetworkSecretsAsync(archive, cancellationToken);
        foreach (var entry in archive.Entries.ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (bodies.Contains(entry.FullName))
            {
                entry.Delete();
                continue;
            }

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

    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "cookie", "set-cookie", "authorization", "proxy-authorization", "x-api-key", "x-auth-token",
    };

    /// <summary>Rewrites the *.network entries without request bodies, cookies and credentials; returns the body files to delete.</summary>
    private static async Task<HashSet<string>> StripNetworkSecretsAsync(ZipArchive archive, CancellationToken cancellationToken)
    {
        var bodies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries.Where(entry => entry.FullName.EndsWith(".network", StringComparison.Ordinal)).ToList())
        {
            string text;
            await using (var stream = await entry.OpenAsync(cancellationToken))
            using (var reader = new StreamReader(stream, StrictUtf8))
            {
                text = await reader.ReadToEndAsync(cancellationToken);
            }

            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                lines[i] = StripLine(lines[i], bodies);
            }

            var name = entry.FullName;
            entry.Delete();
            var replacement = archive.CreateEntry(name, CompressionLevel.Fastest);
            await using var output = await replacement.OpenAsync(cancellationToken);
            await output.WriteAsync(StrictUtf8.GetBytes(string.Join('\n', lines)), cancellationToken);
        }

        return bodies;
    }

    private static string StripLine(string line, HashSet<string> bodies)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return line;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (JsonException)
        {
            // Not one event per line after all: an unknown format loses nothing here, the masker still runs over it.
            return line;
        }

        if (node?["snapshot"] is not JsonObject snapshot)
        {
            return line;
        }

        if (snapshot["request"] is JsonObject request)
        {
            if (request["postData"] is JsonObject postData)
            {
                foreach (var key in new[] { "_file", "_sha1" })
                {
                    if (postData[key]?.GetValue<string>() is { } file)
                    {
                        bodies.Add(file.StartsWith("resources/", StringComparison.Ordinal) ? file : "resources/" + file);
                    }
                }

                request.Remove("postData");
            }

            StripHeaders(request);
        }

        if (snapshot["response"] is JsonObject response)
        {
            StripHeaders(response);
        }

        return node.ToJsonString();
    }

    private static void StripHeaders(JsonObject message)
    {
        if (message["cookies"] is JsonArray)
        {
            message["cookies"] = new JsonArray();
        }

        if (message["headers"] is JsonArray headers)
        {
            foreach (var header in headers.OfType<JsonObject>().Where(header => header["name"]?.GetValue<string>() is { } name && SecretHeaders.Contains(name)).ToList())
            {
                headers.Remove(header);
            }
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
