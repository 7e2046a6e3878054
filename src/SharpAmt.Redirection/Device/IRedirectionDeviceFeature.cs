using SharpAmt.Redirection.Wire;

namespace SharpAmt.Redirection.Device;

/// <summary>
/// One redirection feature on the device side (SOL here; IDE-R and KVM plug in the same way). The session
/// handler asks it at 0x10 whether it can start, and hands it the channel after a successful login.
/// </summary>
public interface IRedirectionDeviceFeature
{
    /// <summary>Success, Busy (a session of this type is open) or Unsupported (the feature is disabled).</summary>
    RedirectionStatus CanStart();

    /// <summary>Runs the feature until the client ends it or the connection closes.</summary>
    Task RunAsync(RedirectionChannel channel, CancellationToken cancellationToken);
}
