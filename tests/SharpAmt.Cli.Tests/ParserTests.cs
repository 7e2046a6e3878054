using System.CommandLine;
using System.Net;
using SharpAmt.Cli.Commands.Consent;
using SharpAmt.Cli.Commands.Features;
using SharpAmt.Cli.Commands.Power;
using SharpAmt.Cli.Commands.Sim;
using SharpAmt.Cli.Commands.WsMan;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Simulator.Firmware;
using Xunit;
using SimulatedControlMode = SharpAmt.Simulator.ControlMode;

namespace SharpAmt.Cli.Tests;

/// <summary>The real command tree: what each command line binds to, and which ones are refused with exit code 2.</summary>
public sealed class ParserTests
{
    private static ParseResult Parse(params string[] args)
    {
        var parse = AmtRootCommand.Instance.Parse(args);
        Assert.Empty(parse.Errors);
        return parse;
    }

    [Fact]
    public void Power_binds_action_boot_target_and_sol()
    {
        var parse = Parse("power", "host1", "reset", "--boot", "pxe", "--sol");

        Assert.IsType<PowerCommand>(parse.CommandResult.Command);
        Assert.Equal("host1", parse.GetValue(PowerCommand.Host));
        Assert.Equal(PowerAction.Reset, parse.GetValue(PowerCommand.Verb)!.Action);
        Assert.Equal(BootTarget.Pxe, parse.GetValue(PowerCommand.Boot));
        Assert.True(parse.GetValue(PowerCommand.Sol));
    }

    [Theory]
    [InlineData("status", null)]
    [InlineData("on", PowerAction.On)]
    [InlineData("off", PowerAction.Off)]
    [InlineData("cycle", PowerAction.Cycle)]
    [InlineData("soft-off", PowerAction.SoftOff)]
    [InlineData("soft-reset", PowerAction.SoftReset)]
    [InlineData("sleep", PowerAction.Sleep)]
    [InlineData("hibernate", PowerAction.Hibernate)]
    public void Power_actions_map_to_the_library(string word, PowerAction? expected)
    {
        Assert.Equal(expected, Parse("power", "h", word).GetValue(PowerCommand.Verb)!.Action);
    }

    [Theory]
    [InlineData("hdd", BootTarget.HardDisk)]
    [InlineData("hdd-safe", BootTarget.HardDiskSafeMode)]
    [InlineData("cd", BootTarget.CdDvd)]
    [InlineData("diag", BootTarget.Diagnostics)]
    [InlineData("bios", BootTarget.BiosSetup)]
    [InlineData("ider-cd", BootTarget.IderCd)]
    [InlineData("ider-floppy", BootTarget.IderFloppy)]
    public void Boot_targets_map_to_the_library(string word, BootTarget expected)
    {
        Assert.Equal(expected, Parse("power", "h", "cycle", "--boot", word).GetValue(PowerCommand.Boot));
    }

    [Fact]
    public void Connection_options_bind_after_the_command()
    {
        var parse = Parse("info", "h", "--tls", "--insecure", "--timeout", "2.5", "--port", "1234", "--user", "operator", "--json", "--known-hosts", "/tmp/k");

        Assert.True(parse.GetValue(CommonOptions.Tls));
        Assert.True(parse.GetValue(CommonOptions.Insecure));
        Assert.Equal(TimeSpan.FromSeconds(2.5), parse.GetValue(CommonOptions.Timeout));
        Assert.Equal(1234, parse.GetValue(CommonOptions.Port));
        Assert.Equal("operator", parse.GetValue(CommonOptions.User));
        Assert.True(parse.GetValue(CommonOptions.Json));
        Assert.Equal("/tmp/k", parse.GetValue(CommonOptions.KnownHosts));
    }

    [Fact]
    public void Output_options_may_also_come_before_the_command()
    {
        var parse = Parse("--json", "consent", "h", "status", "--user", "u");

        Assert.IsType<ConsentStatusCommand>(parse.CommandResult.Command);
        Assert.True(parse.GetValue(CommonOptions.Json));
        Assert.Equal("u", parse.GetValue(CommonOptions.User));
        Assert.Equal("h", parse.GetValue(ConsentCommand.Host));
    }

    [Fact]
    public void Features_bind_on_and_off()
    {
        var parse = Parse("features", "h", "--sol", "off", "--kvm", "on", "--redirection", "off");

        Assert.Equal(Toggle.Off, parse.GetValue(FeaturesCommand.Sol));
        Assert.Equal(Toggle.On, parse.GetValue(FeaturesCommand.Kvm));
        Assert.Equal(Toggle.Off, parse.GetValue(FeaturesCommand.Redirection));
        Assert.Null(parse.GetValue(FeaturesCommand.Ider));
    }

    [Fact]
    public void Consent_binds_code_policy_and_display()
    {
        Assert.Equal("012345", Parse("consent", "h", "code", "012345").GetValue(ConsentCodeCommand.Code));
        Assert.Equal(ConsentPolicy.All, Parse("consent", "h", "policy", "all").GetValue(ConsentPolicyCommand.Policy));
        Assert.Equal(2, Parse("consent", "h", "display", "2").GetValue(ConsentDisplayCommand.Display));
    }

    [Fact]
    public void Wsman_invoke_binds_class_method_arguments_and_selectors()
    {
        var parse = Parse("wsman", "h", "invoke", "CIM_PowerManagementService", "RequestPowerStateChange", "PowerState=8",
            "ManagedElement=ref:CIM_ComputerSystem?Name=ManagedSystem", "--selector", "Name=x", "--selector", "SystemName=y");

        Assert.IsType<WsManInvokeCommand>(parse.CommandResult.Command);
        Assert.Equal("CIM_PowerManagementService", parse.GetValue(WsManInvokeCommand.Class));
        Assert.Equal("RequestPowerStateChange", parse.GetValue(WsManInvokeCommand.Method));
        Assert.Equal(["PowerState=8", "ManagedElement=ref:CIM_ComputerSystem?Name=ManagedSystem"], parse.GetValue(WsManInvokeCommand.Inputs)!);
        Assert.Equal(["Name=x", "SystemName=y"], parse.GetValue(WsManOptions.Selector)!);
    }

    [Fact]
    public void Sim_binds_fleet_options()
    {
        var parse = Parse("sim", "--count", "3", "--first-address", "127.0.20.200", "--firmware", "12,16.1", "--firmware", "6",
            "--power-delay", "0", "--control-mode", "ccm", "--fault", "slow=500ms", "--fault", "drop=2", "--quiet");

        Assert.Equal(3, parse.GetValue(SimOptions.Count));
        Assert.Equal(IPAddress.Parse("127.0.20.200"), parse.GetValue(SimOptions.FirstAddress));
        Assert.Equal([FirmwareProfiles.Amt12, FirmwareProfiles.Amt16, FirmwareProfiles.Amt6], parse.GetValue(SimOptions.Firmware));
        Assert.Equal(0, parse.GetValue(SimOptions.PowerDelay));
        Assert.Equal(SimulatedControlMode.Client, parse.GetValue(SimOptions.Mode));
        Assert.Equal([new FaultSpec("slow", 0, TimeSpan.FromMilliseconds(500)), new FaultSpec("drop", 2, TimeSpan.Zero)], parse.GetValue(SimOptions.Faults));
        Assert.True(parse.GetValue(SimOptions.Quiet));
    }

    [Fact]
    public void Sim_binds_the_host_console_options()
    {
        var defaults = Parse("sim");
        var parse = Parse("sim", "--no-serial-getty", "--console-pace", "0");

        Assert.False(defaults.GetValue(SimOptions.NoSerialGetty));
        Assert.Equal(12, defaults.GetValue(SimOptions.ConsolePace));
        Assert.True(parse.GetValue(SimOptions.NoSerialGetty));
        Assert.Equal(0, parse.GetValue(SimOptions.ConsolePace));
    }

    [Theory]
    [InlineData("1920x1080", 1920, 1080)]
    [InlineData("3840x2160", 3840, 2160)]
    [InlineData("640x400", 640, 400)]
    [InlineData("1280X720", 1280, 720)]
    public void Sim_screen_takes_a_resolution_within_the_limits(string text, int width, int height)
    {
        var screen = Parse("sim", "--screen", text).GetValue(SimOptions.Screen);

        Assert.Equal(new Resolution(width, height), screen);
        Assert.Null(Parse("sim").GetValue(SimOptions.Screen));
    }

    [Fact]
    public void Sim_binds_the_displays_and_their_resolutions()
    {
        var defaults = Parse("sim");
        var parse = Parse("sim", "--displays", "3", "--screen", "2560x1440", "--extra-screen", "1024x768");

        Assert.Empty(parse.Errors);
        Assert.Equal(1, defaults.GetValue(SimOptions.Displays));
        Assert.Null(defaults.GetValue(SimOptions.ExtraScreen));
        Assert.Equal(3, parse.GetValue(SimOptions.Displays));
        Assert.Equal(new Resolution(2560, 1440), parse.GetValue(SimOptions.Screen));
        Assert.Equal(new Resolution(1024, 768), parse.GetValue(SimOptions.ExtraScreen));
    }

    [Fact]
    public void Sim_takes_the_eoi_generations_by_short_or_full_version()
    {
        var parse = Parse("sim", "--firmware", "2.6,3.2,5.2.70,8.1.71");

        Assert.Empty(parse.Errors);
        Assert.Equal([FirmwareProfiles.Amt2, FirmwareProfiles.Amt3, FirmwareProfiles.Amt5, FirmwareProfiles.Amt8], parse.GetValue(SimOptions.Firmware));
    }

    [Fact]
    public void Sim_defaults_to_one_device_at_127_0_0_2_with_firmware_12()
    {
        var parse = Parse("sim");

        Assert.Equal(1, parse.GetValue(SimOptions.Count));
        Assert.Equal(IPAddress.Parse("127.0.0.2"), parse.GetValue(SimOptions.FirstAddress));
        Assert.Equal([FirmwareProfiles.Amt12], parse.GetValue(SimOptions.Firmware));
        Assert.Equal("admin", parse.GetValue(SimOptions.User));
    }

    [Theory]
    [InlineData("unknown power action 'bogus'; choose one of: status, on, off, reset, cycle, soft-off, soft-reset, sleep, hibernate", "power", "h", "bogus")]
    [InlineData("unknown boot target 'floppy'; choose one of: pxe, hdd, hdd-safe, cd, diag, bios, ider-cd, ider-floppy", "power", "h", "reset", "--boot", "floppy")]
    [InlineData("--boot works only with on, reset, cycle or soft-reset", "power", "h", "off", "--boot", "pxe")]
    [InlineData("--boot works only with on, reset, cycle or soft-reset", "power", "h", "status", "--boot", "pxe")]
    [InlineData("--sol works only with on, reset, cycle or soft-reset", "power", "h", "off", "--sol")]
    [InlineData("a consent code is six digits", "consent", "h", "code", "12345")]
    [InlineData("a consent code is six digits", "consent", "h", "code", "12345a")]
    [InlineData("a consent code is six digits", "consent", "h", "code", "1234567")]
    [InlineData("unknown consent policy 'some'", "consent", "h", "policy", "some")]
    [InlineData("unknown consent display '3'; choose one of: 0, 1, 2", "consent", "h", "display", "3")]
    [InlineData("unknown consent display '-1'; choose one of: 0, 1, 2", "consent", "h", "display", "-1")]
    [InlineData("unknown consent display 'second'; choose one of: 0, 1, 2", "consent", "h", "display", "second")]
    [InlineData("amt consent display needs N", "consent", "h", "display")]
    [InlineData("unknown --sol value 'maybe'; choose one of: on, off", "features", "h", "--sol", "maybe")]
    [InlineData("is not a loopback address", "sim", "--first-address", "10.1.2.3")]
    [InlineData("is not a loopback address", "sim", "--first-address", "::1")]
    [InlineData("invalid --fault 'slow=fast'", "sim", "--fault", "slow=fast")]
    [InlineData("invalid --fault 'explode=1'", "sim", "--fault", "explode=1")]
    [InlineData("--count must be between 1 and 10000", "sim", "--count", "0")]
    [InlineData("--count must be between 1 and 10000", "sim", "--count", "10001")]
    [InlineData("unknown firmware '9'", "sim", "--firmware", "12,9")]
    [InlineData("--password takes no value", "sim", "--password", "hunter2")]
    [InlineData("--console-pace must be between 0 and 10000 milliseconds, not -1", "sim", "--console-pace", "-1")]
    [InlineData("--screen 0x0: a display must be 640x400 to 3840x2160", "sim", "--screen", "0x0")]
    [InlineData("--screen 5000x3000: a display must be 640x400 to 3840x2160", "sim", "--screen", "5000x3000")]
    [InlineData("--screen 3840x2161: a display must be 640x400 to 3840x2160", "sim", "--screen", "3840x2161")]
    [InlineData("--screen 'abc' is not a resolution such as 1920x1080", "sim", "--screen", "abc")]
    [InlineData("--screen '1920x' is not a resolution such as 1920x1080", "sim", "--screen", "1920x")]
    [InlineData("--screen '-1920x1080' is not a resolution such as 1920x1080", "sim", "--screen", "-1920x1080")]
    [InlineData("--screen '1920x1080x32' is not a resolution such as 1920x1080", "sim", "--screen", "1920x1080x32")]
    [InlineData("--displays must be between 1 and 3, not 4", "sim", "--displays", "4")]
    [InlineData("--displays must be between 1 and 3, not 0", "sim", "--displays", "0")]
    [InlineData("--displays 3 needs AMT 10 or later: AMT 8.1.71 selects among 2 displays", "sim", "--displays", "3", "--firmware", "12,8.1")]
    [InlineData("--extra-screen '1280' is not a resolution such as 1920x1080", "sim", "--extra-screen", "1280")]
    [InlineData("--extra-screen 320x200: a display must be 640x400 to 3840x2160", "sim", "--extra-screen", "320x200")]
    [InlineData("amt needs a command: info, power, features, consent, kvm, net, wsman, sol, console, ider, sim, demo, password")]
    [InlineData("amt consent needs a command", "consent", "h")]
    [InlineData("amt info needs HOST", "info")]
    [InlineData("amt power needs ACTION", "power", "h")]
    [InlineData("amt consent code needs NNNNNN", "consent", "h", "code")]
    [InlineData("--insecure and --ca exclude each other", "info", "h", "--tls", "--insecure", "--ca", "ca.pem")]
    [InlineData("--timeout must be a number of seconds greater than 0", "info", "h", "--timeout", "-1")]
    [InlineData("--port must be between 1 and 65535", "info", "h", "--port", "70000")]
    [InlineData("'Foo' is neither a resource URI nor an AMT_, CIM_ or IPS_ class name", "wsman", "h", "get", "Foo")]
    [InlineData("'HostName' is not NAME=VALUE", "wsman", "h", "put", "AMT_GeneralSettings", "HostName")]
    [InlineData("--xml and --json exclude each other", "wsman", "h", "get", "AMT_GeneralSettings", "--xml", "--json")]
    [InlineData("'ref:Nope': 'Nope' is neither a resource URI", "wsman", "h", "invoke", "CIM_X", "M", "A=ref:Nope")]
    [InlineData("unrecognized command or argument 'frobnicate'", "frobnicate")]
    public async Task Bad_input_exits_2_with_one_line_that_says_why(string expected, params string[] args)
    {
        using var harness = new CliHarness();

        var result = await harness.RunAsync(args);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("amt: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Theory]
    [InlineData("info", "h", "--password", "Hunter-2-Secret")]
    [InlineData("info", "h", "--password=Hunter-2-Secret")]
    [InlineData("power", "h", "on", "-p", "Hunter-2-Secret")]
    [InlineData("wsman", "h", "get", "AMT_GeneralSettings", "--password", "Hunter-2-Secret")]
    [InlineData("consent", "h", "start", "-p", "Hunter-2-Secret")]
    public async Task A_password_on_the_command_line_is_refused_without_repeating_it(params string[] args)
    {
        using var harness = new CliHarness();
        harness.AddSecret("Hunter-2-Secret");

        var result = await harness.RunAsync(args);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.Contains("passwords are never accepted on the command line", line, StringComparison.Ordinal);
        Assert.Contains("AMT_PASSWORD", line, StringComparison.Ordinal);
        Assert.Contains("credentials", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_is_printed_on_stdout_with_exit_0()
    {
        using var harness = new CliHarness();

        var result = await harness.RunAsync("power", "--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("--boot", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("--password", result.Out, StringComparison.Ordinal);
    }
}
