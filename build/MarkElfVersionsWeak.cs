using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Sets VER_FLG_WEAK on the named version requirements (.gnu.version_r) of ELF64 little-endian
/// shared objects, but only for versions the system libstdc++ does not define.
/// </summary>
public sealed class MarkElfVersionsWeak : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    private static readonly string[] LibStdCxxCandidates =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
    };

    [Required] public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    [Required] public string Versions { get; set; } = "";

    public override bool Execute()
    {
        var systemLibrary = LibStdCxxCandidates.FirstOrDefault(File.Exists);
        if (systemLibrary == null)
        {
            Log.LogMessage(MessageImportance.Low, "No system libstdc++ found; libLibTorchSharp.so left as is.");
            return true;
        }

        var systemBytes = File.ReadAllBytes(systemLibrary);
        var missing = Versions.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(v => v.Trim())
            .Where(v => IndexOf(systemBytes, Encoding.ASCII.GetBytes(v + "\0")) < 0)
            .ToArray();
        if (missing.Length == 0)
        {
            Log.LogMessage(MessageImportance.Low, $"{systemLibrary} defines {Versions}; no patch needed.");
            return true;
        }

        foreach (var item in Files.Select(f => f.ItemSpec).Distinct())
        {
            var changed = Patch(item, missing);
            Log.LogMessage(MessageImportance.Normal,
                changed > 0
                    ? $"Marked {string.Join(", ", missing)} weak in {item} ({changed} entries); {systemLibrary} lacks it."
                    : $"{item} already marks {string.Join(", ", missing)} weak.");
        }
        return !Log.HasLoggedErrors;
    }

    private int Patch(string path, string[] versions)
    {
        var elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
        {
            Log.LogError($"{path} is not a 64-bit little-endian ELF file.");
            return 0;
        }

        var sectionTable = (long)BitConverter.ToUInt64(elf, 0x28);
        int entrySize = BitConverter.ToUInt16(elf, 0x3A);
        int sectionCount = BitConverter.ToUInt16(elf, 0x3C);
        var changed = 0;
        for (var s = 0; s < sectionCount; s++)
        {
            var header = sectionTable + (long)s * entrySize;
            if (BitConverter.ToUInt32(elf, (int)header + 4) != ShtGnuVerneed)
            {
                continue;
            }

            var offset = (long)BitConverter.ToUInt64(elf, (int)header + 0x18);
            var linkedStrings = BitConverter.ToUInt32(elf, (int)header + 0x28);
            var needCount = BitConverter.ToUInt32(elf, (int)header + 0x2C);
            var stringsHeader = sectionTable + (long)linkedStrings * entrySize;
            var strings = (long)BitConverter.ToUInt64(elf, (int)stringsHeader + 0x18);
            changed += PatchVerneed(elf, offset, needCount, strings, versions);
        }

        if (changed > 0)
        {
            var temporary = path + ".weak-glibcxx.tmp";
            File.WriteAllBytes(temporary, elf);
            File.Copy(temporary, path, overwrite: true);
            File.Delete(temporary);
        }
        return changed;
    }

    private static int PatchVerneed(byte[] elf, long offset, uint needCount, long strings, string[] versions)
    {
        var changed = 0;
        var need = offset;
        for (var n = 0; n < needCount; n++)
        {
            int auxCount = BitConverter.ToUInt16(elf, (int)need + 2);
            var aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
            for (var a = 0; a < auxCount; a++)
            {
                var flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                var name = ReadString(elf, strings + BitConverter.ToUInt32(elf, (int)aux + 8));
                if (versions.Contains(name) && (flags & VerFlagWeak) == 0)
                {
                    BitConverter.GetBytes((ushort)(flags | VerFlagWeak)).CopyTo(elf, (int)aux + 4);
                    changed++;
                }
                aux += BitConverter.ToUInt32(elf, (int)aux + 12);
            }
            need += BitConverter.ToUInt32(elf, (int)need + 12);
        }
        return changed;
    }

    private static string ReadString(byte[] bytes, long start)
    {
        var end = (int)start;
        while (bytes[end] != 0)
        {
            end++;
        }
        return Encoding.ASCII.GetString(bytes, (int)start, end - (int)start);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j])
            {
                j++;
            }
            if (j == needle.Length)
            {
                return i;
            }
        }
        return -1;
    }
}
