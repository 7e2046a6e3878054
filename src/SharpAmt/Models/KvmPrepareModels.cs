namespace SharpAmt;

/// <summary>What <see cref="AmtDevice.PrepareKvmAsync"/> may do to make a KVM session possible, and how it asks for the consent code.</summary>
public sealed record KvmPrepareOptions : ConsentPrepareOptions
{
    public KvmPrepareOptions()
    {
    }

    /// <summary>Obtains consent the way <paramref name="consent"/> says.</summary>
    public KvmPrepareOptions(ConsentPrepareOptions consent)
        : base(consent)
    {
    }

    /// <summary>Open the redirection listener (16994/16995) when it is closed; otherwise a closed listener is an error.</summary>
    public bool EnableListener { get; init; }

    /// <summary>Enable KVM (CIM_KVMRedirectionSAP) when it is off; otherwise KVM being off is an error.</summary>
    public bool EnableKvm { get; init; }
}

/// <summary>What <see cref="AmtDevice.PrepareKvmAsync"/> found and changed.</summary>
/// <param name="ListenerEnabled">The redirection listener had to be opened.</param>
/// <param name="KvmEnabled">KVM had to be enabled.</param>
/// <param name="PoweredOn">The host was off and was powered on for the consent code.</param>
/// <param name="ConsentObtained">A code was entered and accepted.</param>
/// <param name="Consent">The consent state at the end; null on firmware without user consent.</param>
public sealed record KvmPreparation(bool ListenerEnabled, bool KvmEnabled, bool PoweredOn, bool ConsentObtained, ConsentStatus? Consent);
