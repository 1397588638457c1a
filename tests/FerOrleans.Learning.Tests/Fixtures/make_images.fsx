// Encodes solid-colour JPEG and PNG fixtures with SkiaSharp from the test build output.
// Input: a TSV file with the columns path, width, height, red, green, blue, and optionally red, green, blue of
// the right half; the format follows the extension.
#r "../bin/Debug/net10.0/SkiaSharp.dll"
open System.IO
open SkiaSharp

for line in File.ReadAllLines(fsi.CommandLineArgs.[1]) do
    let f = line.Split('\t')
    let width, height = int f.[1], int f.[2]
    use bitmap = new SKBitmap(width, height)
    bitmap.Erase(SKColor(byte f.[3], byte f.[4], byte f.[5]))
    if f.Length > 6 then
        let right = SKColor(byte f.[6], byte f.[7], byte f.[8])
        for y in 0 .. height - 1 do
            for x in width / 2 .. width - 1 do
                bitmap.SetPixel(x, y, right)
    let format =
        if f.[0].EndsWith(".png") then SKEncodedImageFormat.Png else SKEncodedImageFormat.Jpeg
    use data = bitmap.Encode(format, 95)
    Directory.CreateDirectory(Path.GetDirectoryName(f.[0])) |> ignore
    File.WriteAllBytes(f.[0], data.ToArray())
