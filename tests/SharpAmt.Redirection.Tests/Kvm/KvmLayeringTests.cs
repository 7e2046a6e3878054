using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm;

/// <summary>
/// The KVM client and device sides share only Rfb/ and Wire/: the client never uses the device or the server, the
/// device never uses the client, and the codec uses neither.
/// </summary>
public sealed class KvmLayeringTests
{
    [Theory]
    [InlineData("Client", "SharpAmt.Redirection.Kvm.Device")]
    [InlineData("Client", "SharpAmt.Redirection.Kvm.Server")]
    [InlineData("Device", "SharpAmt.Redirection.Kvm.Client")]
    [InlineData("Server", "SharpAmt.Redirection.Kvm.Client")]
    [InlineData("Rfb", "SharpAmt.Redirection.Kvm.Client")]
    [InlineData("Rfb", "SharpAmt.Redirection.Kvm.Server")]
    [InlineData("Rfb", "SharpAmt.Redirection.Kvm.Device")]
    public void A_folder_does_not_use_the_other_side(string folder, string forbidden)
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
