using SharpAmt.Redirection.Ider.Wire;

namespace SharpAmt.Redirection.Ider.Client;

/// <summary>Command dispatch: one method per SCSI command, each ending in a status or a reply on the transfer.</summary>
public sealed partial class AtapiDisk
{
    private bool IsCdrom => Kind == AtapiDeviceKind.Cdrom;

    private void Execute(in AtapiCdb cdb)
    {
        var operation = cdb.OperationCode;
        // A unit attention goes to the first command that is not exempt from it (SPC-3 5.9.7, MMC-5 4.1.6.1).
        if (!pendingUnitAttention.IsGood && operation is not (AtapiOperation.Inquiry or AtapiOperation.RequestSense
            or AtapiOperation.GetConfiguration or AtapiOperation.GetEventStatusNotification))
        {
            var attention = pendingUnitAttention;
            pendingUnitAttention = AtapiSense.None;
            Fail(attention);
            return;
        }

        switch (operation)
        {
            case AtapiOperation.TestUnitReady:
                Status(Medium is null ? AtapiSense.MediumNotPresent : AtapiSense.None);
                break;
            case AtapiOperation.RequestSense:
                RequestSense(cdb);
                break;
            case AtapiOperation.Inquiry:
                Inquiry(cdb);
                break;
            case AtapiOperation.Read6:
                Read((uint)((cdb[1] & 0x1F) << 16 | cdb[2] << 8 | cdb[3]), cdb[4] == 0 ? 256u : cdb[4]);
                break;
            case AtapiOperation.Read10:
                Read(cdb.ReadUInt32(2), cdb.ReadUInt16(7));
                break;
            case AtapiOperation.Read12:
                Read(cdb.ReadUInt32(2), cdb.ReadUInt32(6));
                break;
            case AtapiOperation.ReadCapacity:
                if (!MissingMedium())
                {
                    Reply(AtapiReplies.ReadCapacity(Sectors, SectorSize, transfer.ReplyBuffer), 8);
                }

                break;
            case AtapiOperation.ReadFormatCapacities:
                if (!MissingMedium())
                {
                    Reply(AtapiReplies.ReadFormatCapacities(Sectors, SectorSize, transfer.ReplyBuffer), cdb.ReadUInt16(7));
                }

                break;
            case AtapiOperation.ModeSense6:
                ModeSense(cdb, tenByte: false, allocationLength: cdb[4]);
                break;
            case AtapiOperation.ModeSense10:
                ModeSense(cdb, tenByte: true, allocationLength: cdb.ReadUInt16(7));
                break;
            case AtapiOperation.StartStopUnit:
                // Eject (LoEj set, Start clear) is refused while the host holds the medium locked.
                Status((cdb[4] & 0x03) == 0x02 && removalPrevented ? AtapiSense.MediumRemovalPrevented : AtapiSense.None);
                break;
            case AtapiOperation.PreventAllowMediumRemoval:
                if (!MissingMedium())
                {
                    removalPrevented = (cdb[4] & 0x01) != 0;
                    Status(AtapiSense.None);
                }

                break;
            case AtapiOperation.Seek10:
                if (!MissingMedium())
                {
                    Status(cdb.ReadUInt32(2) < Sectors ? AtapiSense.None : AtapiSense.LbaOutOfRange);
                }

                break;
            case AtapiOperation.SetCdSpeed when IsCdrom:
                Status(AtapiSense.None);
                break;
            case AtapiOperation.ReadToc when IsCdrom:
                ReadToc(cdb);
                break;
            case AtapiOperation.GetConfiguration when IsCdrom:
                GetConfiguration(cdb);
                break;
            case AtapiOperation.GetEventStatusNotification:
                GetEventStatusNotification(cdb);
                break;
            case AtapiOperation.ReadDiscInformation when IsCdrom:
                if (!MissingMedium())
                {
                    if ((cdb[1] & 0x07) != 0)
                    {
                        Fail(AtapiSense.InvalidFieldInCdb);
                    }
                    else
                    {
                        Reply(AtapiReplies.DiscInformation(transfer.ReplyBuffer), cdb.ReadUInt16(7));
                    }
                }

                break;
            case AtapiOperation.ReadTrackInformation when IsCdrom:
                if (!MissingMedium())
                {
                    ReadTrackInformation(cdb);
                }

                break;
            case AtapiOperation.Write6 or AtapiOperation.Write10 or AtapiOperation.Write12 or AtapiOperation.WriteAndVerify10
                or AtapiOperation.Verify10 or AtapiOperation.FormatUnit or AtapiOperation.Blank:
                if (!MissingMedium())
                {
                    Fail(AtapiSense.WriteProtected);
                }

                break;
            default:
                // MODE SELECT, LOG SELECT, READ CD, GET PERFORMANCE and everything unknown.
                Fail(AtapiSense.InvalidCommand);
                break;
        }
    }

    private void Status(AtapiSense sense) => transfer.SetStatus(sense, generation);

    private void Fail(AtapiSense sense) => transfer.SetStatus(sense, generation);

    private void Reply(int length, int allocationLength) => transfer.SetReply(length, allocationLength, generation);

    /// <summary>Fails the command with 02/3A/00 when no medium is inserted.</summary>
    private bool MissingMedium()
    {
        if (Medium is not null)
        {
            return false;
        }

        Fail(AtapiSense.MediumNotPresent);
        return true;
    }

    private void RequestSense(in AtapiCdb cdb)
    {
        // A pending unit attention is what REQUEST SENSE reports first, and reporting it clears it.
        var sense = pendingUnitAttention.IsGood ? lastSense : pendingUnitAttention;
        pendingUnitAttention = AtapiSense.None;
        if (sense.IsGood && Medium is null)
        {
            sense = AtapiSense.MediumNotPresent;
        }

        Reply(AtapiReplies.RequestSense(sense, transfer.ReplyBuffer), cdb[4]);
    }

    private void Inquiry(in AtapiCdb cdb)
    {
        // No vital product data pages: EVPD or a page code is an invalid field.
        if ((cdb[1] & 0x01) != 0 || cdb[2] != 0)
        {
            Fail(AtapiSense.InvalidFieldInCdb);
            return;
        }

        Reply(AtapiReplies.Inquiry(Kind, transfer.ReplyBuffer), cdb.ReadUInt16(3));
    }

    private void Read(uint lba, uint count)
    {
        Interlocked.Increment(ref readCommands);
        if (Medium is null)
        {
            Fail(AtapiSense.MediumNotPresent);
            return;
        }

        if ((ulong)lba + count > (ulong)Sectors)
        {
            Fail(AtapiSense.LbaOutOfRange);
            return;
        }

        if (count == 0)
        {
            Status(AtapiSense.None);
            return;
        }

        transfer.SetMediumRead((long)lba * SectorSize, (long)count * SectorSize, generation);
    }

    private void ModeSense(in AtapiCdb cdb, bool tenByte, int allocationLength)
    {
        if (Medium is null)
        {
            Fail(AtapiSense.MediumNotPresent);
            return;
        }

        var control = cdb[2] >> 6;
        var page = (byte)(cdb[2] & 0x3F);
        if (control == 3)
        {
            Fail(AtapiSense.SavingParametersNotSupported);
            return;
        }

        var length = cdb[3] != 0 ? -1 : AtapiModePages.Write(Kind, Sectors, page, control == 1, tenByte, transfer.ReplyBuffer);
        if (length < 0)
        {
            // SPC: a page the device does not have is an invalid field (the reference's clients say 05/20/00 for MODE SENSE(10)).
            Fail(AtapiSense.InvalidFieldInCdb);
            return;
        }

        Reply(length, allocationLength);
    }

    private void ReadToc(in AtapiCdb cdb)
    {
        if (Medium is null)
        {
            Fail(AtapiSense.MediumNotPresent);
            return;
        }

        var msf = (cdb[1] & 0x02) != 0;
        var format = cdb[2] & 0x0F;
        if (format == 0)
        {
            // Older hosts put the format in the top bits of the control byte (SFF-8020), as MeshCommander reads it.
            format = cdb[9] >> 6;
        }

        var track = cdb[6];
        if (format > 1 || format == 0 && track > 1 && track != 0xAA)
        {
            Fail(AtapiSense.InvalidFieldInCdb);
            return;
        }

        Reply(AtapiReplies.ReadToc(format, msf, track, Sectors, transfer.ReplyBuffer), cdb.ReadUInt16(7));
    }

    private void GetConfiguration(in AtapiCdb cdb)
    {
        var requestType = cdb[1] & 0x03;
        if (requestType == 3)
        {
            Fail(AtapiSense.InvalidFieldInCdb);
            return;
        }

        Reply(AtapiReplies.GetConfiguration(requestType, cdb.ReadUInt16(2), Medium is not null, transfer.ReplyBuffer), cdb.ReadUInt16(7));
    }

    private void GetEventStatusNotification(in AtapiCdb cdb)
    {
        // Only polled operation exists over IDE-R; asynchronous notification is an invalid field.
        if ((cdb[1] & 0x01) == 0)
        {
            Fail(AtapiSense.InvalidFieldInCdb);
            return;
        }

        int length;
        if ((cdb[4] & 0x10) != 0)
        {
            length = AtapiReplies.MediaEvent(newMediaEvent, Medium is not null, transfer.ReplyBuffer);
            newMediaEvent = false;
        }
        else
        {
            length = AtapiReplies.NoEvent(transfer.ReplyBuffer);
        }

        Reply(length, cdb.ReadUInt16(7));
    }

    private void ReadTrackInformation(in AtapiCdb cdb)
    {
        var address = cdb.ReadUInt32(2);
        var valid = (cdb[1] & 0x03) switch
        {
            0 => address < Sectors, // the track holding this LBA
            1 or 2 => address == 1, // track 1 or session 1
            _ => false,
        };
        if (!valid)
        {
            Fail((cdb[1] & 0x03) == 0 ? AtapiSense.LbaOutOfRange : AtapiSense.InvalidFieldInCdb);
            return;
        }

        Reply(AtapiReplies.TrackInformation(Sectors, transfer.ReplyBuffer), cdb.ReadUInt16(7));
    }
}
