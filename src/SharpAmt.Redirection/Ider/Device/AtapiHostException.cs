using SharpAmt.Redirection.Ider.Wire;

namespace SharpAmt.Redirection.Ider.Device;

/// <summary>The simulated host could not boot from the emulated drive: a command failed or its answer made no sense.</summary>
public sealed class AtapiHostException : Exception
{
    public AtapiHostException(string message, AtapiSense sense = default) : base(sense.IsGood ? message : $"{message} (sense {sense})")
    {
        Sense = sense;
    }

    public AtapiSense Sense { get; }
}
