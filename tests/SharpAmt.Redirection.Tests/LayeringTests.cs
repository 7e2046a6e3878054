using Xunit;

namespace SharpAmt.Redirection.Tests;

/// <summary>
/// The folders of SharpAmt.Redirection keep the client and the device apart and share only the wire: IDE-R's and
/// KVM's Client/ and Device/ never use each other, the codecs use neither, the KVM gateway composes the client and
/// the server without reaching into the device, and the PNG encoder needs the codec's types alone.
/// </summary>
public sealed class LayeringTests
{
    [Theory]
    [InlineData("Ider/Client", "SharpAmt.Redirection.Ider.Device")]
    [InlineData("Ider/Device", "SharpAmt.Redirection.Ider.Client")]
    [InlineData("Ider/Wire", "SharpAmt.Redirection.Ider.Client")]
    [InlineData("Ider/Wire", "SharpAmt.Redirection.Ider.Device")]
    [InlineData("Kvm/Client", "SharpAmt.Redirection.Kvm.Device")]
    [InlineData("Kvm/Client", "SharpAmt.Redirection.Kvm.Server")]
    [InlineData("Kvm/Device", "SharpAmt.Redirection.Kvm.Client")]
    [InlineData("Kvm/Server", "SharpAmt.Redirection.Kvm.Client")]
    [InlineData("Kvm/Rfb", "SharpAmt.Redirection.Kvm.Client")]
    [InlineData("Kvm/Rfb", "SharpAmt.Redirection.Kvm.Server")]
    [InlineData("Kvm/Rfb", "SharpAmt.Redirection.Kvm.Device")]
    [InlineData("Kvm/Gateway", "SharpAmt.Redirection.Kvm.Device")]
    [InlineData("Kvm/Imaging", "SharpAmt.Redirection.Kvm.Client")]
    [InlineData("Kvm/Imaging", "SharpAmt.Redirection.Kvm.Server")]
    [InlineData("Kvm/Imaging", "SharpAmt.Redirection.Kvm.Device")]
    public void A_folder_does_not_use_what_it_must_not(string folder, string forbidden)
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
                return Path.Combine(directory.FullName, "src", "SharpAmt.Redirection");
            }
        }

        throw new InvalidOperationException("the repository root was not found above the test binaries");
    }
}
