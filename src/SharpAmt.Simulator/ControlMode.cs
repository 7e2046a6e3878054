namespace SharpAmt.Simulator;

/// <summary>How the device was activated: admin control (ACM) or client control (CCM), which restricts consent.</summary>
public enum ControlMode
{
    Admin,
    Client,
}
