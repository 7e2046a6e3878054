namespace SharpAmt;

/// <summary>What <see cref="AmtDevice.PrepareKvmAsync"/> may do to make a KVM session possible, and how it asks for the consent code.</summary>
public sealed record KvmPrepareOptions
{
    /// <summary>Open the redirection listener (16994/16995) when it is closed; otherwise a closed listener is an error.</summary>
    public bool EnableListener { get; init; }

    /// <summary>Enable KVM (CIM_KVMRedirectionSAP) when it is off; otherwise KVM being off is an error.</summary>
    public bool EnableKvm { get; init; }

    /// <summary>
    /// Asked for the six-digit code the host's screen shows, once per attempt; null (or a null answer) means the
    /// user gives up, and the consent request is cancelled. Without it, consent that is needed is an error.
    /// </summary>
    public Func<KvmConsentPrompt, CancellationToken, ValueTask<string?>>? ConsentCode { get; init; }

    /// <summary>Told each step that changes something on the device (listener, KVM, powering the host on, consent), in words for a person.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>Power a host that is off on while consent is needed, so the code can be shown (as MeshCommander does).</summary>
    public bool PowerOnForConsent { get; init; } = true;

    /// <summary>The most codes asked for before giving up; firmware also ends the request after a few wrong ones.</summary>
    public int MaxCodeAttempts { get; init; } = 3;
}

/// <summary>One request for the consent code.</summary>
/// <param name="Attempt">1 for the first request.</param>
/// <param name="PreviousCodeWrong">The code given last time was refused.</param>
/// <param name="CodeTimeoutSeconds">How long the code on screen stays valid (OptInCodeTimeout).</param>
public sealed record KvmConsentPrompt(int Attempt, bool PreviousCodeWrong, int CodeTimeoutSeconds);

/// <summary>What <see cref="AmtDevice.PrepareKvmAsync"/> found and changed.</summary>
/// <param name="ListenerEnabled">The redirection listener had to be opened.</param>
/// <param name="KvmEnabled">KVM had to be enabled.</param>
/// <param name="PoweredOn">The host was off and was powered on for the consent code.</param>
/// <param name="ConsentObtained">A code was entered and accepted.</param>
/// <param name="Consent">The consent state at the end; null on firmware without user consent.</param>
public sealed record KvmPreparation(bool ListenerEnabled, bool KvmEnabled, bool PoweredOn, bool ConsentObtained, ConsentStatus? Consent);
