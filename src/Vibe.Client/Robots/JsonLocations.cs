using System.Text;
using System.Text.Json;

namespace Vibe.Infrastructure.Robots;

/// <summary>
/// Maps JSON paths ($.robots[2].schedule.cron) to the line and column where they are written, so a
/// validation error points at the line to fix, not just at the field.
/// </summary>
internal sealed class JsonLocations
{
    private readonly Dictionary<string, (long Line, long Column)> _locations = new(StringComparer.Ordinal);
    private readonly List<DuplicateKey> _duplicates = [];

    private JsonLocations()
    {
    }

    public static JsonLocations Index(byte[] json)
    {
        var index = new JsonLocations();
        var lineStarts = LineStarts(json);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new Stack<Frame>();
        string? pendingProperty = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingProperty = reader.GetString();
                        var property = Current(path) + "." + pendingProperty;
                        if (index._locations.TryGetValue(property, out var first))
                        {
                            var (line, column) = Position(lineStarts, reader.TokenStartIndex);
                            index._duplicates.Add(new DuplicateKey(property, pendingProperty!, first.Line, line, column));
                        }

                        index.Add(property, lineStarts, reader.TokenStartIndex);
                        continue;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var at = NextChild(path, ref pendingProperty);
                        index.Add(at, lineStarts, reader.TokenStartIndex);
                        path.Push(new Frame(at, reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.Pop();
                        break;
                    default:
                        index.Add(NextChild(path, ref pendingProperty), lineStarts, reader.TokenStartIndex);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON is reported by the parser with its own position; keep what was indexed.
        }

        return index;
    }

    /// <summary>
    /// Keys written twice in one object. System.Text.Json keeps the last silently ("name": "r1", "name": "r2"
    /// becomes r2), so these are errors, reported where the second one is written.
    /// </summary>
    public IReadOnlyList<DuplicateKey> Duplicates => _duplicates;

    /// <summary>The position of <paramref name="path"/>, or of its nearest written parent.</summary>
    public (long Line, long Column)? Find(string path)
    {
        while (true)
        {
            if (_locations.TryGetValue(path, out var location))
            {
                return location;
            }

            var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
            if (cut <= 0)
            {
                return null;
            }

            path = path[..cut];
        }
    }

    private static string Current(Stack<Frame> path) => path.Count == 0 ? "$" : path.Peek().Path;

    private static string NextChild(Stack<Frame> path, ref string? pendingProperty)
    {
        if (path.Count == 0)
        {
            return "$";
        }

        var parent = path.Peek();
        if (parent.IsArray)
        {
            return $"{parent.Path}[{parent.NextIndex++}]";
        }

        var child = parent.Path + "." + pendingProperty;
        pendingProperty = null;
        return child;
    }

    private void Add(string path, List<long> lineStarts, long offset)
    {
        if (_locations.ContainsKey(path))
        {
            return;
        }

        _locations[path] = Position(lineStarts, offset);
    }

    private static (long Line, long Column) Position(List<long> lineStarts, long offset)
    {
        var line = lineStarts.BinarySearch(offset);
        line = line >= 0 ? line : ~line - 1;
        return (line + 1, offset - lineStarts[line] + 1);
    }

    private static List<long> LineStarts(byte[] json)
    {
        var starts = new List<long> { 0 };
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int NextIndex { get; set; }
    }
}

/// <summary>A key written a second time in the same object.</summary>
internal sealed record DuplicateKey(string Path, string Key, long FirstLine, long Line, long Column);
