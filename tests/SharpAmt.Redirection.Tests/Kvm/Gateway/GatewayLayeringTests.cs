using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.Gateway;

/// <summary>
/// The gateway is a client of the device and a server to viewers: it composes Client/ and Server/ and never reaches
/// into the device side; the PNG encoder depends on the codec's types alone.
/// </summary>
public sealed class GatewayLayeringTests
{
    [Theory]
    [InlineData("Gateway", "SharpAmt.Redirection.Kvm.Device")]
    [InlineData("Imaging", "SharpAmt.Redirection.Kvm.Client")]
    [InlineData("Imaging", "SharpAmt.Redirection.Kvm.Server")]
    [InlineData("Imaging", "SharpAmt.Redirection.Kvm.Device")]
    public void A_folder_does_not_use_what_it_must_not(string folder, string forbidden)
    {
        var sources = Directory.GetFiles(Path.Combine(KvmRoot(), folder), "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(sources);
        foreach (var source in sources)
        {
            Assert.DoesNotContain(forbidden, File.ReadAllText(source), StringComparison.Ordinal);
        }
    }

    private static string KvmRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        for (var depth = 0; depth < 12 && directory is not null; depth++, directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SharpAmt.slnx")))
            {
                return Path.Combine(directory.FullName, "src", "SharpAmt.Redirection", "Kvm");
            }
        }

        throw new InvalidOperationException("the repository root was not found above the test binaries");
    }
}
