using Xunit;

namespace SharpAmt.Redirection.Tests.Ider;

/// <summary>
/// Client/ and Device/ share only Wire/ (style: the two sides never depend on each other), so the device side can
/// move into the simulator and the client side into the library without dragging the other along.
/// </summary>
public sealed class LayeringTests
{
    [Theory]
    [InlineData("Client", "SharpAmt.Redirection.Ider.Device")]
    [InlineData("Device", "SharpAmt.Redirection.Ider.Client")]
    [InlineData("Wire", "SharpAmt.Redirection.Ider.Client")]
    [InlineData("Wire", "SharpAmt.Redirection.Ider.Device")]
    public void A_folder_does_not_use_the_other_side(string folder, string forbidden)
    {
        var sources = Directory.GetFiles(Path.Combine(ProjectRoot(), folder), "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            Assert.DoesNotContain(forbidden, File.ReadAllText(source), StringComparison.Ordinal);
        }
    }

    private static string ProjectRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; depth < 12 && directory is not null; depth++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SharpAmt.slnx")))
            {
                return Path.Combine(directory.FullName, "src", "SharpAmt.Redirection", "Ider");
            }
        }

        throw new InvalidOperationException("the repository root was not found above the test binaries");
    }
}
