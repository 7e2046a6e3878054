namespace SharpAmt.Simulator.Host.Screen;

/// <summary>
/// Which display the consent code is drawn on: the one IPS_SecIOService.DefaultScreen names (reference section 4.4;
/// MeshCommander's "Consent Display" writes it, 0 the primary display), whatever KVM shows.
/// <para>
/// Unconfirmed, and chosen here: what firmware does when that display is not connected, or shows no picture because
/// the host is in text mode or off (the others are dark then, as the BIOS and the text console drive the first only).
/// The code is then drawn on the first display, so the person at the machine can still read it.
/// </para>
/// </summary>
public sealed partial class SimulatedScreen
{
    private int _consentScreen;

    /// <summary>Where the consent code is drawn: the chosen display while it has a picture, else the first.</summary>
    private int ConsentDisplay =>
        _consentScreen > 0 && _consentScreen < Geometry.Count && CurrentMode == ScreenMode.Desktop ? _consentScreen : 0;

    /// <summary>IPS_SecIOService.DefaultScreen changed (called with the device lock held): a code on screen moves at once.</summary>
    internal void SelectConsentDisplay(int display)
    {
        lock (_sync)
        {
            if (display != _consentScreen)
            {
                _consentScreen = display;
                ChangedAll();
            }
        }
    }
}
