using System.Net;

namespace SharpAmt.Transport.Tests.Support;

/// <summary>
/// One loopback address per test, from 127.0.50.1 up, so tests that listen on AMT's fixed ports never share
/// one and can run in parallel.
/// </summary>
public static class Loopback
{
    private static int _next;

    public static IPAddress Next()
    {
        var index = Interlocked.Increment(ref _next) - 1;
        return new IPAddress([127, 0, (byte)(50 + index / 250), (byte)(1 + index % 250)]);
    }
}
