using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Vibe.Application.Common.Interfaces;
using Vibe.Application.Runs.RecordRunOutcome;
using Vibe.Infrastructure.Configuration;

namespace Vibe.Infrastructure.Files;

/// <summary>
/// The outcome journal: one file per run in the data folder's outcomes/ (a folder of its own, so that finding what
/// is pending reads a handful of names, not one folder per run ever made). Each file is written to a temporary name,
/// flushed to disk, then renamed over, so a reader sees a whole outcome or none.
/// </summary>
internal sealed class OutcomeJournal(VibeLocations locations) : IOutcomeJournal
{
    private string Folder => Path.Combine(locations.DataDirectory, "outcomes");

    public string PathOf(long runId) => Path.Combine(Folder, runId.ToString(CultureInfo.InvariantCulture) + ".json");

    public void Keep(RunOutcome outcome)
    {
        Directory.CreateDirectory(Folder);
        var path = PathOf(outcome.RunId);
        var temporary = path + ".tmp";
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(file, outcome, OutcomeJournalJson.Default.RunOutcome);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public void Forget(long runId)
    {
        try
        {
            File.Delete(PathOf(runId));
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    public IReadOnlyList<RunOutcome> Pending()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var outcomes = new List<RunOutcome>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.json"))
        {
            try
            {
                using var file = File.OpenRead(path);
                if (JsonSerializer.Deserialize(file, OutcomeJournalJson.Default.RunOutcome) is { } outcome)
                {
                    outcomes.Add(outcome);
                }
            }
            catch (FileNotFoundException)
            {
                // Recorded and forgotten by another part of the service while this one listed the folder.
            }
            catch (JsonException)
            {
                // Only whole files are ever renamed into place; a damaged one is kept for a person to look at.
            }
        }

        return outcomes.OrderBy(outcome => outcome.RunId).ToList();
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(RunOutcome))]
internal sealed partial class OutcomeJournalJson : JsonSerializerContext;
