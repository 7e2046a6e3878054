using SharpAmt.Cli.Infrastructure;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>
/// Runs amt in-process through the same entry point as Program, with captured streams and an environment of
/// its own: a private config and data directory, and AMT_PASSWORD set to the test devices' password. Every
/// run checks that no password appears in stdout or stderr.
/// </summary>
internal sealed class CliHarness : IDisposable
{
    public const string Password = "Cli-Test-Secret-42!";

    private readonly List<string> _secrets = [Password];

    public CliHarness()
    {
        Root = Directory.CreateTempSubdirectory("amt-cli-test-").FullName;
        Variables["HOME"] = Root;
        Variables["XDG_CONFIG_HOME"] = Path.Combine(Root, "config");
        Variables["XDG_DATA_HOME"] = Path.Combine(Root, "data");
        Variables["AMT_PASSWORD"] = Password;
        Directory.CreateDirectory(ConfigDirectory);
    }

    public string Root { get; }

    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>What amt reads on standard input; null leaves it empty.</summary>
    public string? Input { get; set; }

    /// <summary>A reader for standard input that produces lines as a test decides; takes precedence over <see cref="Input"/>.</summary>
    public TextReader? InputReader { get; set; }

    /// <summary>Where stderr goes, for a test that reads it while amt still runs; a new writer per run when null.</summary>
    public CapturingWriter? ErrorWriter { get; set; }

    /// <summary>When set, a person is at the terminal and answers amt's no-echo prompts with this.</summary>
    public Func<string, string?>? Terminal { get; set; }

    public string ConfigDirectory => Path.Combine(Root, "config", "sharpamt");

    public string KnownHostsPath => Path.Combine(ConfigDirectory, "known_hosts");

    /// <summary>A value that must never appear in any output.</summary>
    public void AddSecret(string secret) => _secrets.Add(secret);

    public Task<CliResult> RunAsync(params string[] args) => RunAsync(args, output: null, TestContext.Current.CancellationToken);

    public async Task<CliResult> RunAsync(IReadOnlyList<string> args, CapturingWriter? output, CancellationToken cancellationToken)
    {
        output ??= new CapturingWriter();
        var error = ErrorWriter ?? new CapturingWriter();
        var terminal = Terminal;
        var environment = new CliEnvironment(output, error, name => Variables.GetValueOrDefault(name))
        {
            In = InputReader ?? (Input is null ? TextReader.Null : new StringReader(Input)),
            InputIsTerminal = terminal is not null,
            ReadSecret = terminal is null ? static (_, _) => null : (prompt, _) => terminal(prompt),
        };
        var exitCode = await CliApp.RunAsync(args, environment, cancellationToken);
        var result = new CliResult(exitCode, output.Text, error.Text);
        foreach (var secret in _secrets)
        {
            Assert.DoesNotContain(secret, result.Out, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, result.Error, StringComparison.Ordinal);
        }

        return result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary directory behind.
        }
    }
}
