using System.Diagnostics;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Rfb;
using Xunit;

namespace SharpAmt.Tests.Support;

/// <summary>
/// Waits until a KVM client's decoded picture equals a screen's own rendering, seen through the pixel format the
/// picture crossed the wire in: exact equality, not a likeness.
/// </summary>
public static class KvmPictureMatch
{
    /// <param name="screen">The picture as the device draws it.</param>
    /// <param name="received">The client's picture now.</param>
    /// <param name="format">The pixel format it travelled in, asked on each try (a reconnecting client may change it).</param>
    /// <param name="what">Names the two pictures in the failure.</param>
    public static async Task WaitForAsync(IRfbScreen screen, Func<KvmSnapshot> received, Func<RfbPixelFormat> format, string what, TimeSpan patience, CancellationToken cancellationToken)
    {
        var capture = Array.Empty<uint>();
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            var size = screen.Size;
            if (capture.Length < size.Pixels)
            {
                capture = new uint[size.Pixels];
            }

            screen.CopyTo(capture, out var copied);
            var quantise = format();
            var snapshot = received();
            if (snapshot.Size == copied && capture.AsSpan(0, copied.Pixels).ToArray().Select(quantise.Quantize).SequenceEqual(snapshot.Pixels))
            {
                return;
            }

            // The desktop's clock moves once a second: a picture caught between two ticks settles on the next try.
            Assert.True(elapsed.Elapsed < patience, $"{what} never matched ({snapshot.Size} vs {copied})");
            await Task.Delay(50, cancellationToken);
        }
    }
}
