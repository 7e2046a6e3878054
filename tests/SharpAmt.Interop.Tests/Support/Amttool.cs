using System.Diagnostics;
using Xunit;

namespace SharpAmt.Interop.Tests.Support;

/// <summary>What one amttool run printed and how it ended.</summary>
internal sealed record AmttoolResult(int ExitCode, string Output, string Errors)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Errors}";
}

/// <summary>
/// Runs Debian's real amttool 1.4 (perl, SOAP::Lite), unmodified, the way its users do: the password only in
/// AMT_PASSWORD, the confirmation of power commands on stdin. Every run has a time limit.
/// </summary>
internal static class Amttool
{
    public const string Path = "/usr/bin/amttool";

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task<AmttoolResult> RunAsync(string password, IReadOnlyList<string> arguments, string? input, CancellationToken cancellationToken)
    {
        Assert.True(File.Exists(Path),
            $"Debian's amttool is not installed at {Path}; install the packages amtterm and libsoap-lite-perl (CI installs them)");
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AMT_PASSWORD"] = password;
        // A proxy from the environment would take loopback traffic away from the simulator; a locale perl
        // cannot set would print warnings; AMT_DEBUG changes what amttool prints.
        foreach (var name in new[] { "AMT_DEBUG", "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["LC_ALL"] = "C";
        start.Environment["LANG"] = "C";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Path} did not start");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var errors = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), limit.Token);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(limit.Token);
            var result = new AmttoolResult(process.ExitCode, await output, await errors);
            Assert.False(result.Errors.Contains("Can't locate SOAP/Lite.pm", StringComparison.Ordinal),
                "amttool needs SOAP::Lite: install libsoap-lite-perl (CI installs it)");
            return result;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"amttool {string.Join(' ', arguments)} did not finish within {Limit.TotalSeconds} s");
        }
    }
}
