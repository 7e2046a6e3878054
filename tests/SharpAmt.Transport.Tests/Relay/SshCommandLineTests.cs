using SharpAmt.Transport.Relay;
using Xunit;

namespace SharpAmt.Transport.Tests.Relay;

public sealed class SshCommandLineTests
{
    [Fact]
    public void Without_a_person_at_the_terminal_ssh_never_asks()
    {
        var arguments = SshCommandLine.Arguments(SshRelayTarget.Parse("jump"), new SshRelayOptions(), 40000);

        Assert.Equal(
            ["-N", "-D", "127.0.0.1:40000", "-o", "ExitOnForwardFailure=yes", "-o", "ControlMaster=no", "-o", "ControlPath=none",
             "-o", "LogLevel=INFO", "-o", "BatchMode=yes", "--", "jump"],
            arguments);
    }

    [Fact]
    public void User_port_and_config_file_become_ssh_options_and_the_host_comes_last_after_the_end_of_options()
    {
        var arguments = SshRelayTarget.Parse("ops@[2001:db8::1]:2222");

        var line = SshCommandLine.Arguments(arguments, new SshRelayOptions { ConfigFile = "/etc/amt ssh config", Interactive = true }, 40001);

        Assert.DoesNotContain("BatchMode=yes", line);
        Assert.Equal(["-F", "/etc/amt ssh config", "-p", "2222", "-l", "ops", "--", "2001:db8::1"], line.Skip(line.Count - 8));
    }
}
