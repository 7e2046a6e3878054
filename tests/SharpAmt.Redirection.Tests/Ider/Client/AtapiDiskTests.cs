using SharpAmt.Redirection.Ider.Client;
using SharpAmt.Redirection.Ider.Client.Media;
using SharpAmt.Redirection.Ider.Wire;
using Xunit;
using static SharpAmt.Redirection.Tests.Ider.Support.DiskRunner;
using static SharpAmt.Redirection.Tests.Ider.Support.Segments;

namespace SharpAmt.Redirection.Tests.Ider.Client;

/// <summary>Every command of reference §6.5.8 and every error, with the exact sense the host sees.</summary>
public sealed class AtapiDiskTests
{
    [Fact]
    public void Test_unit_ready_without_medium_is_not_ready_medium_not_present()
    {
        var disk = new AtapiDisk(AtapiDeviceKind.Cdrom, null);
        Assert.Equal(AtapiSense.MediumNotPresent, Run(disk, 0x00).Sense);
        Assert.Equal(new AtapiSense(0x02, 0x3A, 0x00), Run(disk, 0x00).Sense);
    }

    [Fact]
    public void Test_unit_ready_reports_medium_changed_once_after_insert()
    {
        var disk = Cd();
        Assert.Equal(new AtapiSense(0x06, 0x28, 0x00), Run(disk, 0x00).Sense);
        Assert.Equal(AtapiSense.None, Run(disk, 0x00).Sense);
        Assert.Equal(AtapiSense.None, Run(disk, 0x00).Sense);
    }

    [Fact]
    public void A_device_reset_is_reported_once_as_power_on_reset()
    {
        var disk = Ready(Cd());
        disk.Reset();
        Assert.Equal(new AtapiSense(0x06, 0x29, 0x00), Run(disk, Read10(0, 1)).Sense);
        Assert.Equal(AtapiSense.None, Run(disk, Read10(0, 1)).Sense);
    }

    [Fact]
    public void Unit_attention_goes_to_the_first_read_too()
    {
        var disk = Cd();
        Assert.Equal(AtapiSense.MediumChanged, Run(disk, Read10(0, 1)).Sense);
        Assert.Equal(2048, Run(disk, Read10(0, 1)).Data.Length);
    }

    [Fact]
    public void Inquiry_identifies_a_removable_cd_rom_or_floppy_and_keeps_the_unit_attention()
    {
        var cd = Cd();
        var (sense, data) = Run(cd, 0x12, 0, 0, 0, 36, 0);
        Assert.Equal(AtapiSense.None, sense);
        Assert.Equal(36, data.Length);
        Assert.Equal(0x05, data[0]);
        Assert.Equal(0x80, data[1]);
        Assert.Equal("SharpAMT", System.Text.Encoding.ASCII.GetString(data, 8, 8));
        Assert.Equal(AtapiSense.MediumChanged, Run(cd, 0x00).Sense);

        Assert.Equal(0x00, Run(Floppy(), 0x12, 0, 0, 0, 36, 0).Data[0]);
        Assert.Equal(5, Run(cd, 0x12, 0, 0, 0, 5, 0).Data.Length);
    }

    [Fact]
    public void Inquiry_of_vital_product_data_is_an_invalid_field()
    {
        Assert.Equal(new AtapiSense(0x05, 0x24, 0x00), Run(Ready(Cd()), 0x12, 1, 0x80, 0, 36, 0).Sense);
    }

    [Fact]
    public void Request_sense_returns_the_last_error_in_fixed_format_then_clears_it()
    {
        var disk = Ready(Cd(sectors: 16));
        Assert.Equal(AtapiSense.LbaOutOfRange, Run(disk, Read10(15, 2)).Sense);
        var (sense, data) = Run(disk, 0x03, 0, 0, 0, 18, 0);
        Assert.Equal(AtapiSense.None, sense);
        Assert.Equal(Hex("70 00 05 00000000 0A 00000000 21 00 00 000000"), data);
        Assert.Equal(0x00, Run(disk, 0x03, 0, 0, 0, 18, 0).Data[2]);
    }

    [Fact]
    public void Request_sense_reports_and_clears_a_pending_unit_attention()
    {
        var disk = Cd();
        var data = Run(disk, 0x03, 0, 0, 0, 18, 0).Data;
        Assert.Equal((0x06, 0x28), (data[2], data[12]));
        Assert.Equal(AtapiSense.None, Run(disk, 0x00).Sense);
    }

    [Fact]
    public void Read_capacity_gives_the_last_lba_and_the_block_size()
    {
        Assert.Equal(Hex("0000003F 00000800"), Run(Ready(Cd(sectors: 64)), 0x25).Data);
        Assert.Equal(Hex("00000B3F 00000200"), Run(Ready(Floppy()), 0x25).Data);
        Assert.Equal(AtapiSense.MediumNotPresent, Run(new AtapiDisk(AtapiDeviceKind.Floppy, null), 0x25).Sense);
    }

    [Fact]
    public void Read_format_capacities_lists_one_formatted_descriptor()
    {
        Assert.Equal(Hex("00000008 00000B40 02 000200"), Run(Ready(Floppy()), 0x23, 0, 0, 0, 0, 0, 0, 0, 252, 0).Data);
        Assert.Equal(Hex("00000008 00000040 02 000800"), Run(Ready(Cd()), 0x23, 0, 0, 0, 0, 0, 0, 0, 252, 0).Data);
        Assert.Equal(4, Run(Ready(Cd()), 0x23, 0, 0, 0, 0, 0, 0, 0, 4, 0).Data.Length);
    }

    [Fact]
    public void Read_10_and_12_return_the_image_bytes()
    {
        var image = Pattern(64 * 2048);
        var disk = Ready(new AtapiDisk(AtapiDeviceKind.Cdrom, new IderMemoryImage(image)));
        Assert.Equal(image.AsSpan(5 * 2048, 9 * 2048).ToArray(), Run(disk, Read10(5, 9)).Data);
        Assert.Equal(image.AsSpan(60 * 2048, 4 * 2048).ToArray(), Run(disk, 0xA8, 0, 0, 0, 0, 60, 0, 0, 0, 4, 0, 0).Data);
    }

    [Fact]
    public void Read_6_has_a_21_bit_lba_and_counts_0_as_256()
    {
        var image = Pattern(2880 * 512);
        var disk = Ready(new AtapiDisk(AtapiDeviceKind.Floppy, new IderMemoryImage(image)));
        Assert.Equal(image.AsSpan(0x102 * 512, 256 * 512).ToArray(), Run(disk, 0x08, 0x00, 0x01, 0x02, 0).Data);
        Assert.Equal(AtapiSense.LbaOutOfRange, Run(disk, 0x08, 0x01, 0x00, 0x00, 1).Sense);
    }

    [Fact]
    public void Reads_past_the_end_are_out_of_range_and_a_zero_count_is_good()
    {
        var disk = Ready(Cd(sectors: 16));
        Assert.Equal(new AtapiSense(0x05, 0x21, 0x00), Run(disk, Read10(16, 1)).Sense);
        Assert.Equal(new AtapiSense(0x05, 0x21, 0x00), Run(disk, Read10(10, 7)).Sense);
        Assert.Equal(AtapiSense.LbaOutOfRange, Run(disk, Read10(0xFFFFFFFF, 1)).Sense);
        var (sense, data) = Run(disk, Read10(3, 0));
        Assert.Equal(AtapiSense.None, sense);
        Assert.Empty(data);
        Assert.Equal(AtapiSense.MediumNotPresent, Run(new AtapiDisk(AtapiDeviceKind.Cdrom, null), Read10(0, 1)).Sense);
    }

    [Fact]
    public async Task Read_data_comes_in_chunks_bounded_by_the_read_buffer_size()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var disk = Ready(Cd(chunk: 4096));
        var transfer = await disk.ExecuteAsync(AtapiCdb.Create(Read10(0, 3)), cancellation);
        Assert.Equal(6144, transfer.DataLength);
        var sizes = new List<int>();
        var buffer = new byte[65536];
        for (var i = 0; i < 10 && transfer.Remaining > 0; i++)
        {
            sizes.Add(await transfer.ReadChunkAsync(buffer, cancellation));
        }

        Assert.Equal([4096, 2048], sizes);
    }

    [Fact]
    public void Read_toc_format_0_in_lba_and_msf_ends_at_the_image_lead_out()
    {
        var disk = Ready(Cd(sectors: 3769));
        Assert.Equal(Hex("0012 01 01 00 14 01 00 00000000 00 14 AA 00 00000EB9"), Run(disk, 0x43, 0, 0, 0, 0, 0, 0, 0, 20, 0).Data);
        // A 3769-sector disc ends at 0:52:19, the lead-out both reference clients send whatever the image.
        Assert.Equal(Hex("0012 01 01 00 14 01 00 00000200 00 14 AA 00 00003413"), Run(disk, 0x43, 0x02, 0, 0, 0, 0, 0, 0, 20, 0).Data);
        Assert.Equal(12, Run(disk, 0x43, 0, 0, 0, 0, 0, 0, 0, 12, 0).Data.Length);
    }

    [Fact]
    public void Read_toc_format_1_is_the_session_information()
    {
        var disk = Ready(Cd());
        Assert.Equal(Hex("000A 01 01 00 14 01 00 00000000"), Run(disk, 0x43, 0, 1, 0, 0, 0, 0, 0, 12, 0).Data);
        // The format may also come in the control byte's top bits (SFF-8020).
        Assert.Equal(Hex("000A 01 01 00 14 01 00 00000000"), Run(disk, 0x43, 0, 0, 0, 0, 0, 0, 0, 12, 0x40).Data);
    }

    [Fact]
    public void Read_toc_refuses_other_formats_and_the_floppy()
    {
        Assert.Equal(AtapiSense.InvalidFieldInCdb, Run(Ready(Cd()), 0x43, 0, 2, 0, 0, 0, 0, 0, 12, 0).Sense);
        Assert.Equal(AtapiSense.InvalidFieldInCdb, Run(Ready(Cd()), 0x43, 0, 0, 0, 0, 0, 5, 0, 12, 0).Sense);
        Assert.Equal(new AtapiSense(0x05, 0x20, 0x00), Run(Ready(Floppy()), 0x43, 0, 0, 0, 0, 0, 0, 0, 12, 0).Sense);
    }

    [Theory]
    [InlineData(AtapiDeviceKind.Cdrom, 0x01, 16, 0x01)]
    [InlineData(AtapiDeviceKind.Cdrom, 0x2A, 34, 0x01)]
    [InlineData(AtapiDeviceKind.Cdrom, 0x1A, 20, 0x01)]
    [InlineData(AtapiDeviceKind.Cdrom, 0x1D, 20, 0x01)]
    [InlineData(AtapiDeviceKind.Cdrom, 0x3F, 42, 0x01)]
    [InlineData(AtapiDeviceKind.Floppy, 0x01, 20, 0x24)]
    [InlineData(AtapiDeviceKind.Floppy, 0x05, 40, 0x24)]
    [InlineData(AtapiDeviceKind.Floppy, 0x3F, 52, 0x24)]
    public void Mode_sense_10_pages_have_their_lengths_medium_type_and_write_protect(AtapiDeviceKind kind, byte page, int length, byte medium)
    {
        var disk = Ready(kind == AtapiDeviceKind.Cdrom ? Cd() : Floppy());
        var (sense, data) = Run(disk, 0x5A, 0, page, 0, 0, 0, 0, 1, 0, 0);
        Assert.Equal(AtapiSense.None, sense);
        Assert.Equal(length, data.Length);
        Assert.Equal(length - 2, data[0] << 8 | data[1]);
        Assert.Equal(medium, data[2]);
        Assert.Equal(0x80, data[3]);
        if (page != 0x3F)
        {
            Assert.Equal(page, data[8]);
            Assert.Equal(length - 10, data[9]);
        }
    }

    [Fact]
    public void Mode_sense_flexible_disk_page_has_the_floppy_geometry()
    {
        var data = Run(Ready(Floppy()), 0x5A, 0, 0x05, 0, 0, 0, 0, 0, 40, 0).Data;
        Assert.Equal((2, 18), (data[12], data[13]));
        Assert.Equal(512, data[14] << 8 | data[15]);
        Assert.Equal(80, data[16] << 8 | data[17]);
        Assert.Equal(0x31, Run(Ready(Floppy(sectors: 0x3C300)), 0x5A, 0, 0x05, 0, 0, 0, 0, 0, 40, 0).Data[2]);
    }

    [Fact]
    public void Mode_sense_6_all_pages_has_the_short_header()
    {
        var data = Run(Ready(Cd()), 0x1A, 0, 0x3F, 0, 255, 0).Data;
        Assert.Equal(Hex("25 05 80 00"), data[..4]);
        Assert.Equal(38, data.Length);
        Assert.Equal(Hex("25 05 80 00"), Run(Ready(Cd()), 0x1A, 0, 0x3F, 0, 4, 0).Data);
        Assert.Equal(Hex("0F 00 80 00"), Run(Ready(Floppy()), 0x1A, 0, 0x01, 0, 255, 0).Data[..4]);
    }

    [Fact]
    public void Mode_sense_refuses_unknown_pages_saved_values_and_subpages()
    {
        Assert.Equal(AtapiSense.InvalidFieldInCdb, Run(Ready(Cd()), 0x5A, 0, 0x05, 0, 0, 0, 0, 1, 0, 0).Sense);
        Assert.Equal(AtapiSense.InvalidFieldInCdb, Run(Ready(Floppy()), 0x5A, 0, 0x2A, 0, 0, 0, 0, 1, 0, 0).Sense);
        Assert.Equal(AtapiSense.InvalidFieldInCdb, Run(Ready(Cd()), 0x1A, 0, 0x3F, 1, 255, 0).Sense);
        Assert.Equal(new AtapiSense(0x05, 0x39, 0x00), Run(Ready(Cd()), 0x5A, 0, 0xEA, 0, 0, 0, 0, 1, 0, 0).Sense);
        Assert.Equal(AtapiSense.MediumNotPresent, Run(new AtapiDisk(AtapiDeviceKind.Cdrom, null), 0x5A, 0, 0x2A, 0, 0, 0, 0, 1, 0, 0).Sense);
    }

    [Fact]
    public void Mode_sense_changeable_values_are_all_zero()
    {
        var data = Run(Ready(Cd()), 0x5A, 0, 0x6A, 0, 0, 0, 0, 1, 0, 0).Data;
        Assert.Equal((0x2A, 0x18), (data[8], data[9]));
        Assert.All(data[10..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Get_configuration_lists_the_cd_rom_features_from_the_starting_one()
    {
        var disk = Ready(Cd());
        var data = Run(disk, 0x46, 0, 0, 0, 0, 0, 0, 0x01, 0, 0).Data;
        Assert.Equal(Hex("0000003C 0000 0008"), data[..8]);
        Assert.Equal(Hex("0000 03 04 0008 01 00  0001 03 04 00000002  0002 03 04 00000000  0003 03 04 29000002"), data[8..40]);
        Assert.Equal(Hex("0010 01 08 00000800 0001 0000  001E 03 00  0100 03 00  0105 03 00"), data[40..]);

        var one = Run(disk, 0x46, 2, 0x00, 0x1E, 0, 0, 0, 0x01, 0, 0).Data;
        Assert.Equal(Hex("00000008 0000 0008 001E 03 00"), one);
        Assert.Equal(Hex("0000001C 0000 0008"), Run(disk, 0x46, 0, 0x00, 0x10, 0, 0, 0, 0x01, 0, 0).Data[..8]);
        Assert.Equal(4, Run(disk, 0x46, 0, 0, 0, 0, 0, 0, 0, 4, 0).Data.Length);
        Assert.Equal(AtapiSense.InvalidFieldInCdb, Run(disk, 0x46, 3, 0, 0, 0, 0, 0, 0, 8, 0).Sense);
        Assert.Equal(AtapiSense.InvalidCommand, Run(Ready(Floppy()), 0x46, 0, 0, 0, 0, 0, 0, 0, 8, 0).Sense);
    }

    [Fact]
    public void Get_configuration_without_medium_has_no_current_profile()
    {
        Assert.Equal(Hex("0000 0000"), Run(new AtapiDisk(AtapiDeviceKind.Cdrom, null), 0x46, 0, 0, 0, 0, 0, 0, 0, 8, 0).Data[4..8]);
    }

    [Fact]
    public void Event_status_reports_new_media_once_then_no_change()
    {
        var disk = Cd();
        Assert.Equal(Hex("0006 04 10 02 02 00 00"), Run(disk, 0x4A, 1, 0, 0, 0x10, 0, 0, 0, 8, 0).Data);
        Assert.Equal(Hex("0006 04 10 00 02 00 00"), Run(disk, 0x4A, 1, 0, 0, 0x10, 0, 0, 0, 8, 0).Data);
        Assert.Equal(Hex("0006 04 10 00 00 00 00"), Run(new AtapiDisk(AtapiDeviceKind.Cdrom, null), 0x4A, 1, 0, 0, 0x10, 0, 0, 0, 8, 0).Data);
        Assert.Equal(Hex("0002 80 10"), Run(disk, 0x4A, 1, 0, 0, 0x02, 0, 0, 0, 8, 0).Data);
        Assert.Equal(AtapiSense.InvalidFieldInCdb, Run(disk, 0x4A, 0, 0, 0, 0x10, 0, 0, 0, 8, 0).Sense);
        Assert.Equal(AtapiSense.MediumChanged, Run(disk, 0x00).Sense);
    }

    [Fact]
    public void Read_disc_and_track_information_describe_one_closed_data_track()
    {
        var disk = Ready(Cd(sectors: 64));
        var disc = Run(disk, 0x51, 0, 0, 0, 0, 0, 0, 0, 34, 0).Data;
        Assert.Equal(34, disc.Length);
        Assert.Equal(Hex("0020 0E 01 01 01 01"), disc[..7]);
        Assert.Equal(AtapiSense.InvalidFieldInCdb, Run(disk, 0x51, 1, 0, 0, 0, 0, 0, 0, 34, 0).Sense);
        var track = Run(disk, 0x52, 1, 0, 0, 0, 1, 0, 0, 48, 0).Data;
        Assert.Equal(48, track.Length);
        Assert.Equal(Hex("00000040"), track[24..28]);
        Assert.Equal(AtapiSense.InvalidFieldInCdb, Run(disk, 0x52, 1, 0, 0, 0, 2, 0, 0, 48, 0).Sense);
        Assert.Equal(AtapiSense.LbaOutOfRange, Run(disk, 0x52, 0, 0, 0, 0, 64, 0, 0, 48, 0).Sense);
        Assert.Equal(AtapiSense.InvalidCommand, Run(Ready(Floppy()), 0x51, 0, 0, 0, 0, 0, 0, 0, 34, 0).Sense);
    }

    [Fact]
    public void Prevent_allow_locks_the_tray_against_eject()
    {
        var disk = Ready(Cd());
        Assert.Equal(AtapiSense.None, Run(disk, 0x1E, 0, 0, 0, 1, 0).Sense);
        Assert.Equal(new AtapiSense(0x05, 0x53, 0x02), Run(disk, 0x1B, 0, 0, 0, 0x02, 0).Sense);
        Assert.Equal(AtapiSense.None, Run(disk, 0x1B, 0, 0, 0, 0x01, 0).Sense);
        Assert.Equal(AtapiSense.None, Run(disk, 0x1E, 0, 0, 0, 0, 0).Sense);
        Assert.Equal(AtapiSense.None, Run(disk, 0x1B, 0, 0, 0, 0x02, 0).Sense);
        Assert.Equal(AtapiSense.MediumNotPresent, Run(new AtapiDisk(AtapiDeviceKind.Cdrom, null), 0x1E, 0, 0, 0, 1, 0).Sense);
        Assert.Equal(AtapiSense.None, Run(new AtapiDisk(AtapiDeviceKind.Cdrom, null), 0x1B, 0, 0, 0, 0x02, 0).Sense);
    }

    [Theory]
    [InlineData(0x0A)]
    [InlineData(0x2A)]
    [InlineData(0xAA)]
    [InlineData(0x2E)]
    [InlineData(0x2F)]
    [InlineData(0x04)]
    public void Writes_are_refused_as_write_protected(byte operation)
    {
        Assert.Equal(new AtapiSense(0x07, 0x27, 0x00), Run(Ready(Floppy()), operation, 0, 0, 0, 0, 0, 0, 0, 1, 0).Sense);
        Assert.Equal(AtapiSense.WriteProtected, Run(Ready(Cd()), operation, 0, 0, 0, 0, 0, 0, 0, 1, 0).Sense);
        Assert.Equal(AtapiSense.MediumNotPresent, Run(new AtapiDisk(AtapiDeviceKind.Floppy, null), operation, 0, 0, 0, 0, 0, 0, 0, 1, 0).Sense);
    }

    [Theory]
    [InlineData(0x15)]
    [InlineData(0x55)]
    [InlineData(0x4C)]
    [InlineData(0xAC)]
    [InlineData(0xBE)]
    [InlineData(0xFF)]
    public void Other_commands_are_invalid_operation_codes(byte operation)
    {
        Assert.Equal(new AtapiSense(0x05, 0x20, 0x00), Run(Ready(Cd()), operation).Sense);
    }

    [Fact]
    public async Task A_reset_mid_transfer_aborts_it_and_the_next_command_sees_the_reset()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var disk = Ready(Cd(sectors: 64));
        var transfer = await disk.ExecuteAsync(AtapiCdb.Create(Read10(0, 32)), cancellation);
        var buffer = new byte[8192];
        Assert.Equal(8192, await transfer.ReadChunkAsync(buffer, cancellation));
        disk.Reset();
        Assert.True(transfer.IsAborted);
        Assert.Equal(0, await transfer.ReadChunkAsync(buffer, cancellation));
        Assert.Equal(AtapiSense.PowerOnReset, Run(disk, 0x00).Sense);
        Assert.Equal(AtapiSense.None, Run(disk, 0x00).Sense);
        Assert.Equal(64 * 2048, Run(disk, Read10(0, 64)).Data.Length);
    }

    [Fact]
    public void Progress_counts_bytes_served_and_the_last_lba()
    {
        var disk = Ready(Cd(sectors: 64));
        Run(disk, Read10(10, 5));
        var progress = disk.GetProgress();
        Assert.Equal(5 * 2048, progress.BytesServed);
        Assert.Equal(14, progress.LastLba);
        Assert.Equal(1, progress.ReadCommands);
    }

    [Fact]
    public async Task The_rate_is_over_the_time_the_host_read_and_holds_while_it_is_idle()
    {
        var disk = Ready(Cd(sectors: 64));
        Run(disk, Read10(0, 16));
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Run(disk, Read10(16, 16));
        var reading = disk.GetProgress();
        await Task.Delay(300, TestContext.Current.CancellationToken);

        Assert.True(reading.BytesPerSecond > 0);
        Assert.Equal(reading.BytesPerSecond, disk.GetProgress().BytesPerSecond);
    }

    [Fact]
    public void A_medium_that_is_not_whole_sectors_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new AtapiDisk(AtapiDeviceKind.Cdrom, new IderMemoryImage(new byte[1000])));
    }
}
