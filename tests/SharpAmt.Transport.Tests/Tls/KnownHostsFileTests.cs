using SharpAmt.Transport.Tls;
using Xunit;

namespace SharpAmt.Transport.Tests.Tls;

public sealed class KnownHostsFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sharpamt-known-hosts-" + Guid.NewGuid().ToString("N"));

    private string PathIn(string name) => Path.Combine(_directory, name);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void First_pin_is_appended_and_a_reload_reads_it()
    {
        var path = PathIn("nested/known_hosts");
        var file = new KnownHostsFile(path);

        Assert.Null(file.FindPin("127.0.0.2:16993"));
        file.AddPin("127.0.0.2:16993", "3F:2A:C1");
        file.RememberRealm("127.0.0.2", "Digest:727734D63A1FC0423736E48DA554E462");

        Assert.Equal(["127.0.0.2:16993 sha256 3F:2A:C1", "127.0.0.2 realm Digest:727734D63A1FC0423736E48DA554E462"], File.ReadAllLines(path));
        var reloaded = new KnownHostsFile(path);
        Assert.Equal("3F:2A:C1", reloaded.FindPin("127.0.0.2:16993"));
        Assert.Equal("Digest:727734D63A1FC0423736E48DA554E462", reloaded.FindRealm("127.0.0.2"));
        Assert.Equal(path, reloaded.Location);
    }

    [Fact]
    public void First_line_for_a_key_wins_and_later_pins_are_not_appended()
    {
        var path = PathIn("known_hosts");
        Directory.CreateDirectory(_directory);
        File.WriteAllText(path, "10.0.0.7:16993 sha256 AA:AA\n10.0.0.7:16993 sha256 BB:BB\n");
        var file = new KnownHostsFile(path);

        Assert.Equal("AA:AA", file.FindPin("10.0.0.7:16993"));
        file.AddPin("10.0.0.7:16993", "CC:CC");

        Assert.Equal("AA:AA", file.FindPin("10.0.0.7:16993"));
        Assert.Equal(2, File.ReadAllLines(path).Length);
        Assert.Equal("AA:AA", new KnownHostsFile(path).FindPin("10.0.0.7:16993"));
    }

    [Fact]
    public void Comments_blank_lines_and_incomplete_lines_are_ignored()
    {
        var path = PathIn("known_hosts");
        Directory.CreateDirectory(_directory);
        File.WriteAllText(path,
            "# devices of the lab\n" +
            "\n" +
            "   \n" +
            "#10.0.0.8:16993 sha256 00:00\n" +
            "10.0.0.9:16993 sha256\n" +
            "  10.0.0.8:16993   sha256   DE:AD:BE:EF  \n" +
            "10.0.0.8 realm Digest:ABCDEF\n");
        var file = new KnownHostsFile(path);

        Assert.Equal("DE:AD:BE:EF", file.FindPin("10.0.0.8:16993"));
        Assert.Null(file.FindPin("10.0.0.9:16993"));
        Assert.Equal("Digest:ABCDEF", file.FindRealm("10.0.0.8"));
        Assert.Null(file.FindRealm("10.0.0.8:16993"));
        Assert.Null(file.FindPin("10.0.0.8"));
    }

    [Fact]
    public void Pins_and_realms_are_separate_facts_and_hosts_ignore_case()
    {
        var path = PathIn("known_hosts");
        var file = new KnownHostsFile(path);

        file.AddPin("AMT-Host.example:16993", "11:22");
        file.RememberRealm("amt-host.example", "Digest:1");

        var reloaded = new KnownHostsFile(path);
        Assert.Equal("11:22", reloaded.FindPin("amt-host.EXAMPLE:16993"));
        Assert.Equal("Digest:1", reloaded.FindRealm("AMT-HOST.example"));
        Assert.Null(reloaded.FindRealm("amt-host.example:16993"));
    }

    [Fact]
    public void Missing_file_is_empty_until_the_first_fact()
    {
        var path = PathIn("absent/known_hosts");
        var file = new KnownHostsFile(path);

        Assert.Null(file.FindPin("127.0.0.2:16993"));
        Assert.Null(file.FindRealm("127.0.0.2"));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Appends_keep_what_another_process_wrote_meanwhile()
    {
        var path = PathIn("known_hosts");
        var file = new KnownHostsFile(path);
        file.AddPin("10.0.0.1:16993", "01");

        File.AppendAllText(path, "10.0.0.2:16993 sha256 02\n");
        file.AddPin("10.0.0.3:16993", "03");

        Assert.Equal(["10.0.0.1:16993 sha256 01", "10.0.0.2:16993 sha256 02", "10.0.0.3:16993 sha256 03"], File.ReadAllLines(path));
    }
}
