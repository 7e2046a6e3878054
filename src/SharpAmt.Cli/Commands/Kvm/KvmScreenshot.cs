using System.Diagnostics;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Imaging;

namespace SharpAmt.Cli.Commands.Kvm;

/// <summary>Writes the screen as the session decoded it to a PNG: the exact pixels, 24-bit RGB.</summary>
internal static class KvmScreenshot
{
    /// <summary>How long a screen must stay unchanged after input before it counts as showing the input's effect.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    /// <summary>The longest wait for that; an animated screen is never quiet.</summary>
    private static readonly TimeSpan SettleLimit = TimeSpan.FromSeconds(3);

    public static async Task<KvmSnapshot> WriteAsync(KvmSession session, string path, bool afterInput, CancellationToken cancellationToken)
    {
        if (afterInput)
        {
            await SettleAsync(session, cancellationToken);
        }

        var snapshot = session.Snapshot();
        if (snapshot.Size.Pixels == 0)
        {
            throw new Infrastructure.CliException($"{session.Endpoint}: the screen has no picture (0×0) to save", ExitCodes.DeviceError);
        }

        var bytes = PngEncoder.Encode(snapshot.Pixels, snapshot.Size);
        // Written beside the target and moved over it, so a failure never leaves half a file under the name asked for.
        var full = Path.GetFullPath(path);
        var temporary = full + ".partial";
        await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
        File.Move(temporary, full, overwrite: true);
        return snapshot;
    }

    /// <summary>Waits until the picture stopped changing for <see cref="Quiet"/>, at most <see cref="SettleLimit"/>.</summary>
    private static async Task SettleAsync(KvmSession session, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while (elapsed.Elapsed < SettleLimit)
        {
            var version = session.Version;
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(Quiet);
            try
            {
                await session.WaitForChangeAsync(version, quiet.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
