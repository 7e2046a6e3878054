using System.Globalization;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Host;
using SimulatedConsentState = SharpAmt.WsMan.Amt.OptInState;

namespace SharpAmt.Cli.Commands.Demo;

/// <summary>One row of the demo table, read from a running simulated device.</summary>
internal sealed record DeviceSnapshot(
    string Address,
    string Firmware,
    bool TlsOnly,
    string Power,
    string LastBoot,
    string Features,
    string Consent,
    long Requests,
    string LastRequest)
{
    public static DeviceSnapshot Of(SimulatedDevice device)
    {
        string consent;
        lock (device.Sync)
        {
            // Consent state moves on with time (codes expire), so it is read under the lock the handlers hold.
            consent = !device.Firmware.HasUserConsent ? "—"
                : device.Consent.State switch
                {
                    SimulatedConsentState.Displayed => $"code {device.Consent.DisplayedCode} shown",
                    SimulatedConsentState.Received => "granted",
                    SimulatedConsentState.InSession => "in session",
                    SimulatedConsentState.Requested => "requested",
                    _ => "not started",
                };
        }

        var redirection = device.Redirection;
        var features = $"{OnOff(redirection.SolEnabled)} / {OnOff(redirection.IderEnabled)} / {(device.Firmware.HasKvm ? OnOff(redirection.KvmEnabled) : "—")}"
            + (redirection.ListenerEnabled ? "" : " (listener off)");
        return new DeviceSnapshot(
            device.Address.ToString(),
            $"{device.Firmware.Version}",
            device.Firmware.TlsOnly,
            SimulatedHost.Describe(device.Host.PowerState),
            Describe(device.Host.LastBoot),
            features,
            consent,
            device.RequestCount,
            device.LastRequest);
    }

    private static string OnOff(bool value) => value ? "on" : "off";

    private static string Describe(BootRecord? boot) => boot is null ? "—"
        : $"{Describe(boot.Device)}{(boot.SolRedirected ? " + SOL" : "")} at {boot.At.ToLocalTime().ToString("HH:mm:ss", CultureInfo.InvariantCulture)}";

    private static string Describe(BootDevice device) => device switch
    {
        BootDevice.Pxe => "PXE",
        BootDevice.HardDisk => "hard disk",
        BootDevice.CdDvd => "CD/DVD",
        BootDevice.Diagnostics => "diagnostics",
        BootDevice.BiosSetup => "BIOS setup",
        BootDevice.IderCd => "IDE-R CD",
        BootDevice.IderFloppy => "IDE-R floppy",
        _ => "boot order",
    };
}
