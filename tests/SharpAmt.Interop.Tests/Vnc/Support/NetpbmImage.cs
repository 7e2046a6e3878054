using System.Text;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// A binary PPM (P6, as <c>djpeg -pnm</c> writes colour JPEGs) read into 0x00RRGGBB pixels: "P6", width, height and
/// maximum value as ASCII separated by white space (comments after '#'), one white-space byte, then RGB triples.
/// </summary>
internal static class NetpbmImage
{
    public static RgbImage Read(ReadOnlySpan<byte> file)
    {
        var position = 0;
        var magic = Token(file, ref position);
        if (magic != "P6")
        {
            throw new InvalidDataException($"not a binary PPM: magic '{magic}'");
        }

        var width = int.Parse(Token(file, ref position), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(Token(file, ref position), System.Globalization.CultureInfo.InvariantCulture);
        var max = int.Parse(Token(file, ref position), System.Globalization.CultureInfo.InvariantCulture);
        if (max != 255)
        {
            throw new InvalidDataException($"only 8-bit PPMs are read, this one has maximum {max}");
        }

        position++;
        if (file.Length - position < width * height * 3)
        {
            throw new InvalidDataException($"the PPM holds {file.Length - position} bytes of pixels, short of {width * height * 3}");
        }

        var pixels = new uint[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            var rgb = file.Slice(position + (i * 3), 3);
            pixels[i] = ((uint)rgb[0] << 16) | ((uint)rgb[1] << 8) | rgb[2];
        }

        return new RgbImage(width, height, pixels);
    }

    private static string Token(ReadOnlySpan<byte> file, ref int position)
    {
        while (position < file.Length && (char.IsWhiteSpace((char)file[position]) || file[position] == '#'))
        {
            if (file[position] == '#')
            {
                while (position < file.Length && file[position] != '\n')
                {
                    position++;
                }
            }
            else
            {
                position++;
            }
        }

        var start = position;
        while (position < file.Length && !char.IsWhiteSpace((char)file[position]))
        {
            position++;
        }

        return Encoding.ASCII.GetString(file[start..position]);
    }
}
