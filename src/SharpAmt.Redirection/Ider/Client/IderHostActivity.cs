namespace SharpAmt.Redirection.Ider.Client;

/// <summary>Why <see cref="IderSession.WaitForHostIdleAsync"/> returned.</summary>
public enum IderHostActivity
{
    /// <summary>The host read from the drives and then stopped for the idle time.</summary>
    StoppedReading,

    /// <summary>The host never read within the time given for its first read.</summary>
    NeverRead,

    /// <summary>The session ended first (see <see cref="IderSession.Completion"/>).</summary>
    SessionEnded,
}
