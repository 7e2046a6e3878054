namespace SharpAmt.Redirection.Sol;

/// <summary>
/// What a SOL user needs from a session, whether it is one connection (<see cref="SolSession"/>) or one that
/// reconnects after the ME dropped it (<see cref="ReconnectingSolSession"/>): the script runner and the
/// interactive terminal work with either.
/// </summary>
public interface ISolConsole : IAsyncDisposable
{
    /// <summary>host:port of the device's redirection port, for messages.</summary>
    string Endpoint { get; }

    /// <summary>Copies received console output into <paramref name="buffer"/>; 0 when the session ended in order.</summary>
    ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default);

    /// <summary>Sends keystrokes to the host.</summary>
    Task WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default);

    /// <summary>Ends the session in order.</summary>
    Task CloseAsync(CancellationToken cancellationToken = default);
}
