using SharpAmt.Cli.Infrastructure;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Wire;

namespace SharpAmt.Cli.Commands.Kvm;

/// <summary>
/// Opens a KVM session the way a viewer must: PrepareKvmAsync first (listener and KVM switched on when off, saying
/// so; consent asked for when the policy needs it), then the session over the redirection port. Used for the first
/// session and for each one the gateway reopens.
/// </summary>
internal sealed class KvmConnector(AmtDevice device, RedirectionClientOptions client, KvmPrepareOptions prepare, KvmSessionOptions session)
{
    public async Task<KvmSession> OpenAsync(CancellationToken cancellationToken)
    {
        await device.PrepareKvmAsync(prepare, cancellationToken);
        try
        {
            return await KvmSession.OpenAsync(client, session, cancellationToken);
        }
        catch (RedirectionRefusedException refused) when (refused.IsBusy)
        {
            throw new CliException($"{client.Endpoint}: KVM is in use by another session (device answered BUSY)", ExitCodes.DeviceError, refused);
        }
        catch (RedirectionRefusedException refused) when (refused.Status is RedirectionStatus.Unsupported or RedirectionStatus.TypeUnknown)
        {
            throw new CliException($"{client.Endpoint}: KVM is disabled or not supported on this device; enable it with: amt kvm {client.Host} settings --enable",
                ExitCodes.DeviceError, refused);
        }
    }
}
