using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Tests;

/// <summary>The replies recorded from real AMT devices in the shared fixtures, by class and operation.</summary>
internal static class RecordedReplies
{
    public const int ExpectedFileCount = 297;

    private static readonly Lazy<IReadOnlyList<RecordedReply>> Loaded = new(Load);

    public static IReadOnlyList<RecordedReply> All => Loaded.Value;

    /// <summary>The fixtures folder: ../shared/fixtures/real-amt-wsman beside the repository (CI always has it).</summary>
    public static string Folder
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "global.json")))
            {
                directory = directory.Parent;
            }

            var repository = directory ?? throw new InvalidOperationException("repository root (global.json) not found above " + AppContext.BaseDirectory);
            var folder = Path.GetFullPath(Path.Combine(repository.FullName, "..", "shared", "fixtures", "real-amt-wsman"));
            return Directory.Exists(folder) ? folder : throw new DirectoryNotFoundException($"recorded AMT replies expected at {folder}");
        }
    }

    private static List<RecordedReply> Load()
    {
        var replies = new List<RecordedReply>();
        foreach (var path in Directory.EnumerateFiles(Folder, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(path);
            var response = WsManResponseReader.Read(bytes);
            var operation = Path.GetFileNameWithoutExtension(path);
            replies.Add(new RecordedReply(Path.GetRelativePath(Folder, path), operation, response, File.ReadAllText(path)));
        }

        return replies;
    }
}

internal sealed record RecordedReply(string Path, string Operation, WsManResponse Response, string Text)
{
    public string? ClassName => Response.ResourceUri is { } uri ? ResourceUris.ClassName(uri) : null;

    /// <summary>A reply as firmware writes it (prefixed Envelope), not a request-shaped file.</summary>
    public bool IsDeviceReply => Text.Contains("<a:Envelope", StringComparison.Ordinal);
}
