namespace SharpAmt.WsMan.Tests.Support;

/// <summary>
/// The shared real-device WS-Man replies. They live beside the repository, in
/// <c>../shared/fixtures/real-amt-wsman</c> relative to the folder holding <c>global.json</c>.
/// </summary>
public static class Fixtures
{
    public const int ExpectedCount = 297;

    private static readonly Lazy<string> Folder = new(Locate);

    /// <summary>The fixture folder; throws with the expected location when it is missing.</summary>
    public static string Directory => Folder.Value;

    /// <summary>Paths of every envelope, relative to <see cref="Directory"/>, with '/' separators, sorted.</summary>
    public static IReadOnlyList<string> Files() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.xml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Directory, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(Directory, relativePath));

    private static string Locate()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "global.json")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"No folder holding global.json above {AppContext.BaseDirectory}; cannot find the repository root to locate the shared WS-Man fixtures.");
        }

        var folder = Path.GetFullPath(Path.Combine(root.FullName, "..", "shared", "fixtures", "real-amt-wsman"));
        if (!System.IO.Directory.Exists(folder))
        {
            throw new InvalidOperationException(
                $"The shared real-device WS-Man fixtures were expected at {folder} (../shared/fixtures/real-amt-wsman beside the repository root {root.FullName}) and are missing.");
        }

        return folder;
    }
}
