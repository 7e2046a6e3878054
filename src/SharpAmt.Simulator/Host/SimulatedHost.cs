using SharpAmt.Simulator.Firmware;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Simulator.Host;

/// <summary>
/// The managed PC behind the simulated ME: its power state, the boot options waiting for the next boot, and
/// the boots that happened. Power changes take effect after <see cref="TransitionDelay"/>, as a real board
/// takes a moment to switch; a boot consumes and clears the boot options.
/// </summary>
public sealed class SimulatedHost
{
    private readonly Lock _sync;
    private readonly FirmwareProfile _firmware;
    private readonly TimeProvider _time;
    private readonly List<BootRecord> _boots = [];
    private Task _transition = Task.CompletedTask;
    private bool _transitionPending;

    public SimulatedHost(Lock sync, FirmwareProfile firmware, TimeProvider time, CimPowerState initialState, TimeSpan transitionDelay, bool osAgentPresent)
    {
        _sync = sync;
        _firmware = firmware;
        _time = time;
        PowerState = initialState;
        TransitionDelay = transitionDelay;
        OsAgentPresent = osAgentPresent;
    }

    public event Action<HostEvent>? Changed;

    public CimPowerState PowerState { get; private set; }

    public TimeSpan TransitionDelay { get; set; }

    /// <summary>Whether the OS runs the agent (LMS) that graceful shutdown, sleep and hibernate need.</summary>
    public bool OsAgentPresent { get; set; }

    /// <summary>IPS_PowerManagementService.OSPowerSavingState: 2 full power, 3 OS power saving.</summary>
    public int OsPowerSavingState { get; private set; } = 2;

    public PendingBootOptions Boot { get; } = new();

    /// <summary>
    /// Set from user consent: whether the next boot may go to BIOS setup or IDE-R or redirect its console. Without it
    /// firmware boots as usual and still reports success (device-management-toolkit/cloud-deployment#291).
    /// </summary>
    public Func<bool> RedirectedBootPermitted { get; set; } = static () => true;

    /// <summary>Set by the redirection side: power off and cycle are refused while a session is open.</summary>
    public Func<bool> RedirectionSessionActive { get; set; } = static () => false;

    public IReadOnlyList<BootRecord> BootHistory
    {
        get
        {
            lock (_sync)
            {
                return _boots.ToArray();
            }
        }
    }

    public BootRecord? LastBoot
    {
        get
        {
            lock (_sync)
            {
                return _boots.Count == 0 ? null : _boots[^1];
            }
        }
    }

    /// <summary>Completes when no power change is pending.</summary>
    public Task WhenSettled
    {
        get
        {
            lock (_sync)
            {
                return _transition;
            }
        }
    }

    /// <summary>The states a client may request now, in the order real firmware lists them.</summary>
    public IReadOnlyList<int> AvailableRequestedPowerStates()
    {
        lock (_sync)
        {
            return PowerState switch
            {
                CimPowerState.On => OsAgentPresent && _firmware.HasOsPowerStates ? [10, 8, 5, 11, 4, 7, 14, 12] : [10, 8, 5, 11],
                CimPowerState.Off => [2],
                _ => [8, 2, 5],
            };
        }
    }

    /// <summary>
    /// RequestPowerStateChange: 0 when the change is under way, 2 when the state cannot be requested now
    /// (not offered, a change still pending, or a redirection session blocks it).
    /// </summary>
    public uint RequestPowerChange(int requested)
    {
        lock (_sync)
        {
            if (!CanRequestPowerChange(requested))
            {
                return 2;
            }

            var target = (CimPowerState)requested;
            Raise(HostEventKind.Power, $"power change {Describe(target)} requested");
            Begin(target);
            return 0;
        }
    }

    /// <summary>
    /// The host itself restarts or switches off: its OS runs reboot or poweroff, or BIOS setup saves and resets.
    /// This is not an AMT request, so no redirection session blocks it; it only waits for a pending change.
    /// Returns false when the host is not running or a change is already under way.
    /// </summary>
    public bool RequestFromHost(CimPowerState target)
    {
        if (target is not (CimPowerState.Reset or CimPowerState.Off))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "the host can only reset or switch itself off");
        }

        lock (_sync)
        {
            if (_transitionPending || PowerState != CimPowerState.On)
            {
                return false;
            }

            Raise(HostEventKind.Power, target == CimPowerState.Reset ? "the host restarts itself" : "the host switches itself off");
            Begin(target);
            return true;
        }
    }

    private void Begin(CimPowerState target)
    {
        if (TransitionDelay <= TimeSpan.Zero)
        {
            Apply(target);
            return;
        }

        _transitionPending = true;
        _transition = CompleteLaterAsync(target);
    }

    /// <summary>
    /// Whether <see cref="RequestPowerChange"/> would take the state now: offered in the current state, no change
    /// pending, and no redirection session blocking an off or cycle. Lets a caller that sets boot options first
    /// (EOI's RemoteControl) check, under the device lock, before changing anything.
    /// </summary>
    public bool CanRequestPowerChange(int requested)
    {
        lock (_sync)
        {
            return !_transitionPending
                && AvailableRequestedPowerStates().Contains(requested)
                && !((CimPowerState)requested is CimPowerState.Off or CimPowerState.Cycle && RedirectionSessionActive());
        }
    }

    /// <summary>RequestOSPowerSavingStateChange: 0, or 5 (invalid parameter) for anything but 2 and 3.</summary>
    public uint RequestOsPowerSaving(int requested)
    {
        lock (_sync)
        {
            if (requested is not (2 or 3))
            {
                return 5;
            }

            OsPowerSavingState = requested;
            return 0;
        }
    }

    private async Task CompleteLaterAsync(CimPowerState target)
    {
        await Task.Delay(TransitionDelay, _time).ConfigureAwait(false);
        lock (_sync)
        {
            _transitionPending = false;
            Apply(target);
        }
    }

    private void Apply(CimPowerState target)
    {
        switch (target)
        {
            case CimPowerState.On:
                SetState(CimPowerState.On);
                BootNow(target);
                break;
            case CimPowerState.Off or CimPowerState.SoftOff:
                SetState(CimPowerState.Off);
                break;
            case CimPowerState.Reset or CimPowerState.SoftReset or CimPowerState.Cycle:
                SetState(CimPowerState.On);
                BootNow(target);
                break;
            case CimPowerState.Sleep or CimPowerState.Hibernate:
                SetState(target);
                break;
            case CimPowerState.DiagnosticInterrupt:
                Raise(HostEventKind.Power, "NMI delivered to the host");
                break;
        }
    }

    private void SetState(CimPowerState state)
    {
        PowerState = state;
        OsPowerSavingState = 2;
        Raise(HostEventKind.Power, $"power state is now {Describe(state)}");
    }

    private void BootNow(CimPowerState cause)
    {
        var record = Boot.Consume(_time.GetUtcNow(), cause);
        if (record.IsRedirected && !RedirectedBootPermitted())
        {
            record = record.WithoutRedirection();
            Raise(HostEventKind.Boot, "user consent not granted: the boot's BIOS setup, IDE-R and SOL options are ignored");
        }

        _boots.Add(record);
        Raise(HostEventKind.Boot, $"booting from {Describe(record.Device)}{(record.SolRedirected ? ", console redirected to SOL" : "")}");
    }

    private void Raise(HostEventKind kind, string text) => Changed?.Invoke(new HostEvent(_time.GetUtcNow(), kind, text));

    public static string Describe(BootDevice device) => device switch
    {
        BootDevice.Default => "its own boot order",
        BootDevice.Pxe => "the network (PXE)",
        BootDevice.HardDisk => "the hard disk",
        BootDevice.CdDvd => "CD/DVD",
        BootDevice.Diagnostics => "the diagnostics partition",
        BootDevice.BiosSetup => "BIOS setup",
        BootDevice.IderCd => "the IDE-R CD",
        BootDevice.IderFloppy => "the IDE-R floppy",
        _ => device.ToString(),
    };

    public static string Describe(CimPowerState state) => state switch
    {
        CimPowerState.On => "on",
        CimPowerState.Sleep => "sleep",
        CimPowerState.Cycle => "power cycle",
        CimPowerState.Hibernate => "hibernate",
        CimPowerState.Off => "off",
        CimPowerState.Reset => "reset",
        CimPowerState.DiagnosticInterrupt => "NMI",
        CimPowerState.SoftOff => "graceful off",
        CimPowerState.SoftReset => "graceful reset",
        _ => ((int)state).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
