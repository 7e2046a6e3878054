using System.Net;
using SharpAmt.Cli.Configuration;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Fleet;

namespace SharpAmt.Cli.Commands.Demo;

/// <summary>The demo's devices and the commands suggested for trying them.</summary>
internal static class DemoFleet
{
    /// <summary>Eight devices across the generations, so each firmware difference can be seen side by side.</summary>
    private static readonly string[] FirmwareMix = ["16.1.25", "12.0.67", "11.8.50", "8.1.71", "6.2.61", "5.2.70", "11.8.50", "16.1.25"];

    /// <summary>Long enough to watch a power change happen in the table, short enough not to wait for it.</summary>
    private static readonly TimeSpan PowerDelay = TimeSpan.FromMilliseconds(1500);

    public static FleetOptions Options(CliEnvironment environment, string password) => new()
    {
        Count = FirmwareMix.Length,
        FirstAddress = FleetOptions.DefaultFirstAddress,
        Firmware = FirmwareMix.Select(version => FirmwareProfiles.Find(version)!).ToArray(),
        Template = new SimulatedDeviceOptions
        {
            Address = FleetOptions.DefaultFirstAddress,
            Password = password,
            PowerTransitionDelay = PowerDelay,
            CertificateDirectory = CliPaths.SimulatorCertificates(environment),
        },
    };

    /// <summary>What to type in another terminal; the password is shown only when it is the well-known default.</summary>
    public static IReadOnlyList<string> TryCommands(bool defaultPassword, IPAddress first)
    {
        string Address(int offset)
        {
            var bytes = first.GetAddressBytes();
            bytes[3] = (byte)(bytes[3] + offset);
            return new IPAddress(bytes).ToString();
        }

        return
        [
            defaultPassword
                ? $"export {PasswordSources.Variable}='{SimulatedDeviceOptions.DefaultPassword}'"
                : $"export {PasswordSources.Variable}=...   (the same value as in this terminal)",
            $"./amt info {Address(0)} --tls                  # AMT 16.1 listens on TLS only; its certificate is pinned on first use",
            $"./amt info {Address(1)}",
            $"./amt power {Address(1)} reset --boot pxe --sol",
            $"./amt features {Address(2)} --kvm off",
            $"./amt consent {Address(1)} start               # then: ./amt consent {Address(1)} code NNNNNN (the code shows below)",
            $"./amt wsman {Address(1)} get AMT_GeneralSettings",
            $"./amt net {Address(5)}                      # AMT 5.2 speaks the legacy EOI SOAP API; amttool {Address(5)} info works too",
        ];
    }
}
