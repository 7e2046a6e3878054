namespace SharpAmt;

/// <summary>
/// The redirection sessions user consent tells apart (IPS_OptInService.OptInRequired): KVM needs consent under the
/// "KVM" and "all" policies, SOL and IDE-R only under "all".
/// </summary>
public enum RedirectionKind
{
    Sol,
    Ider,
    Kvm,

    /// <summary>
    /// A boot to BIOS setup, to an IDE-R device or with its console on SOL (<see cref="BootRequest.NeedsConsent"/>):
    /// covered by the "all" policy, as MeshCommander asks for consent before such power actions.
    /// </summary>
    RedirectedBoot,
}

/// <summary>How a preparation obtains user consent (<see cref="AmtDevice.PrepareConsentAsync"/>, <see cref="AmtDevice.PrepareKvmAsync"/>).</summary>
public record ConsentPrepareOptions
{
    /// <summary>
    /// Asked for the six-digit code the host's screen shows, once per attempt; null (or a null answer) means the
    /// user gives up, and the consent request is cancelled. Without it, consent that is needed is an error.
    /// </summary>
    public Func<ConsentPrompt, CancellationToken, ValueTask<string?>>? ConsentCode { get; init; }

    /// <summary>Told each step that changes something on the device (powering the host on, consent, …), in words for a person.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>Power a host that is off on while consent is needed, so the code can be shown (as MeshCommander does).</summary>
    public bool PowerOnForConsent { get; init; } = true;

    /// <summary>The most codes asked for before giving up; firmware also ends the request after a few wrong ones.</summary>
    public int MaxCodeAttempts { get; init; } = 3;
}

/// <summary>One request for the consent code.</summary>
/// <param name="Session">The kind of session the code is for.</param>
/// <param name="Attempt">1 for the first request.</param>
/// <param name="PreviousCodeWrong">The code given last time was refused.</param>
/// <param name="CodeTimeoutSeconds">How long the code on screen stays valid (OptInCodeTimeout).</param>
public sealed record ConsentPrompt(RedirectionKind Session, int Attempt, bool PreviousCodeWrong, int CodeTimeoutSeconds);

/// <summary>What <see cref="AmtDevice.PrepareConsentAsync"/> found and did.</summary>
/// <param name="PoweredOn">The host was off and was powered on for the consent code.</param>
/// <param name="ConsentObtained">A code was entered and accepted.</param>
/// <param name="Consent">The consent state at the end; null on firmware without user consent.</param>
public sealed record ConsentPreparation(bool PoweredOn, bool ConsentObtained, ConsentStatus? Consent);
