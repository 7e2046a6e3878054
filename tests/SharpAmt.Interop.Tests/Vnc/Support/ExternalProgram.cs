using System.Diagnostics;
using System.Text;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>What a short-lived program printed and how it ended.</summary>
internal sealed record ProgramResult(int ExitCode, byte[] Output, string Errors);

/// <summary>Runs a short-lived program to its end, within a time limit after which it is killed.</summary>
internal static class ExternalProgram
{
    public static async Task<ProgramResult> RunAsync(string path, IEnumerable<string> arguments, TimeSpan limit, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{path} did not start");
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            using var output = new MemoryStream();
            var copying = process.StandardOutput.BaseStream.CopyToAsync(output, timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            await copying;
            return new ProgramResult(process.ExitCode, output.ToArray(), await errors);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(path)} {string.Join(' ', start.ArgumentList)} did not finish within {limit.TotalSeconds} s");
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    /// <summary>The output as text, for messages.</summary>
    public static string Text(this ProgramResult result) => Encoding.UTF8.GetString(result.Output) + result.Errors;
}
