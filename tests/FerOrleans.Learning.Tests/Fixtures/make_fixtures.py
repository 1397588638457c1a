#!/usr/bin/env python3
"""Writes the data-format fixtures of the Learning tests.

Needs Python 3, the .NET SDK (`dotnet fsi`) and a built tests/FerOrleans.Learning.Tests, whose SkiaSharp
encodes the images (make_images.fsx).

Every file is synthetic: the pixel rows are arithmetic patterns and the images solid or two-tone tiles, so
the fixtures carry no real faces and no licensed data.
"""
import os
import struct
import subprocess
import zlib

ROOT = os.path.dirname(os.path.abspath(__file__))
VALUES = 48 * 48


def pixels(seed):
    """2304 space-separated values (seed * 31 + i * 7) mod 256."""
    return " ".join(str((seed * 31 + i * 7) % 256) for i in range(VALUES))


def write(relative, text, newline="\n"):
    path = os.path.join(ROOT, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="") as f:
        f.write(text.replace("\n", newline))


IMAGES = []


def image(relative, size, colour, right=()):
    """Queues an image of size "WxH" and colour (red, green, blue), with another colour on the right half."""
    width, height = size.split("x")
    IMAGES.append("\t".join([os.path.join(ROOT, relative), width, height] + [str(c) for c in colour + right]))


def encode_images():
    listing = os.path.join(ROOT, "images.tsv")
    with open(listing, "w") as f:
        f.write("\n".join(IMAGES) + "\n")
    native = os.path.join(ROOT, "..", "bin", "Debug", "net10.0", "runtimes", "linux-x64", "native")
    env = dict(os.environ, LD_LIBRARY_PATH=native)
    subprocess.run(["dotnet", "fsi", os.path.join(ROOT, "make_images.fsx"), listing], check=True, env=env)
    os.remove(listing)


def fer2013():
    # fer2013.csv: quoted pixels, CRLF, Usage with stray white space, one all-black row, trailing blank lines.
    usages = ["Training", " Training", "Training ", "PublicTest", "PublicTest", "PrivateTest", "Training", "Training"]
    labels = [0, 3, 6, 4, 5, 2, 1, 3]
    rows = ["emotion,pixels,Usage"]
    for r, (label, usage) in enumerate(zip(labels, usages)):
        values = " ".join(["0"] * VALUES) if r == 6 else pixels(r)
        rows.append(f'{label},"{values}",{usage}')
    write("fer2013/fer2013.csv", "\n".join(rows) + "\n\n\n", newline="\r\n")

    # icml_face_data.csv: header with leading spaces, Usage before pixels.
    rows = ["emotion, Usage, pixels"]
    for r, label in enumerate([2, 5, 6]):
        rows.append(f'{label}, {"Training" if r < 2 else "PrivateTest"}, "{pixels(10 + r)}"')
    write("fer2013/icml_face_data.csv", "\n".join(rows) + "\n")

    # Kaggle train.csv: emotion,pixels, no Usage, unquoted.
    rows = ["emotion,pixels"] + [f"{label},{pixels(20 + r)}" for r, label in enumerate([6, 0, 3])]
    write("fer2013/train.csv", "\n".join(rows) + "\n")

    # invalid.csv: 2303 values (line 3), a value 256 (line 4), a token 12a (line 5), label 7 (line 6).
    short = " ".join(["5"] * (VALUES - 1))
    over = pixels(1).split(" ")
    over[10] = "256"
    token = pixels(2).split(" ")
    token[20] = "12a"
    rows = ["emotion,pixels,Usage", f"3,{pixels(0)},Training", f"3,{short},Training",
            f"4,{' '.join(over)},Training", f"5,{' '.join(token)},Training", f"7,{pixels(3)},Training",
            f"6,{pixels(4)},PublicTest"]
    write("fer2013/invalid.csv", "\n".join(rows) + "\n")


def ferplus():
    # Row k describes row k of fer2013/fer2013.csv. Votes: neutral,happiness,surprise,sadness,anger,disgust,fear,
    # contempt,unknown,NF.
    votes = [
        ("Training", "fer0000000.png", [0, 0, 0, 0, 8, 1, 1, 0, 0, 0]),   # anger majority -> angry
        ("Training", "fer0000001.png", [1, 7, 2, 0, 0, 0, 0, 0, 0, 0]),   # happy
        ("Training", "", [0, 0, 0, 0, 0, 0, 0, 0, 0, 10]),                # not a face
        ("PublicTest", "fer0000003.png", [2, 0, 0, 2, 0, 0, 0, 0, 6, 0]), # majority unknown
        ("PublicTest", "fer0000004.png", [0, 0, 5, 0, 0, 0, 5, 0, 0, 0]), # tie surprise/fear
        ("PrivateTest", "fer0000005.png", [3, 0, 0, 0, 0, 0, 0, 5, 2, 0]),# majority contempt
        ("Training", "fer0000006.png", [0, 0, 0, 0, 0, 0, 0, 0, 3, 7]),   # majority NF
        ("Training", "fer0000007.png", [6, 4, 0, 0, 0, 0, 0, 0, 0, 0]),   # neutral (FER2013 row 7 has happy)
    ]
    header = "Usage,Image name,neutral,happiness,surprise,sadness,anger,disgust,fear,contempt,unknown,NF"
    rows = [header] + [f"{u},{n}," + ",".join(map(str, v)) for u, n, v in votes]
    write("ferplus/fer2013new.csv", "\n".join(rows) + "\n")

    # Rows sorted by Usage (PrivateTest first): the row order no longer matches fer2013.csv.
    ordered = sorted(votes, key=lambda v: v[0])
    rows = [header] + [f"{u},{n}," + ",".join(map(str, v)) for u, n, v in ordered]
    write("ferplus/fer2013new-sorted.csv", "\n".join(rows) + "\n")

    rows = [header] + [f"{u},{n}," + ",".join(map(str, v)) for u, n, v in votes[:5]]
    write("ferplus/fer2013new-short.csv", "\n".join(rows) + "\n")


def image_folders():
    # Kaggle image layout; file names repeat across classes as in the Kaggle copies.
    for relative, gray in [("train/angry/im0.png", 20), ("train/happy/im0.png", 60), ("train/neutral/im0.png", 100),
                           ("train/sad/im0.png", 140), ("train/surprise/im0.png", 180),
                           ("test/fearful/im0.png", 200), ("test/disgust/im0.png", 220)]:
        image(os.path.join("image-folders", relative), "8x8", (gray, gray, gray))
    write("image-folders/README.md", "Split-folder layout fixture.\n")


def cafe():
    files = ["angry_F-AA-02.jpg", "angryopen_F-AA-02.jpg", "happy_F-AA-02b.jpg", "happy_F-AA-02b-2.jpg",
             "disgustwithtongue_M-EA-11.jpg", "fearful_M-EA-11.jpg", "sad_M-L-07.jpg", "neutral_M-L-07.jpg",
             "surprise/surpriseopen_F-AA-02.jpg"]
    for i, name in enumerate(files):
        image(os.path.join("cafe", name), "12x16", (30 + 20 * i, 200 - 15 * i, 90))
    write("cafe/subjects.csv", "Age,Child ID,Sex,Ethnicity\n5,F-AA-02,F,AA\n4,F-AA-02b,F,AA\n7,M-EA-11,M,EA\n"
          "3,M-L-07,M,L\n")

    image("cafe-invalid/happy_F-AA-01.jpg", "12x16", (100, 100, 100))
    image("cafe-invalid/happywithtongue_F-AA-01.jpg", "12x16", (110, 100, 100))
    image("cafe-invalid/contempt_F-AA-01.jpg", "12x16", (120, 100, 100))


def huge_png(path, width, height):
    """A PNG whose header declares width x height but whose data is one empty block."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"")) + chunk(b"IEND", b"")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(body)


def manifest():
    image("manifest/images/a.png", "8x8", (30, 30, 30), (230, 230, 230))
    image("manifest/images/b.jpg", "16x16", (90, 90, 90), (200, 200, 200))
    image("manifest/images/c.png", "8x8", (150, 150, 150), (10, 10, 10))
    image("manifest/images/black.png", "8x8", (0, 0, 0))
    huge_png(os.path.join(ROOT, "manifest/images/huge.png"), 10000, 10000)
    write("manifest/images/broken.jpg", "this is not a JPEG file\n")
    write("manifest/manifest.csv", "path,label,subject,usage\nimages/a.png,happy,p1,train\nimages/b.jpg,0,p1,test\n"
          "images/c.png,Sadness,p2,train\nimages/black.png,6,p3,train\n")
    write("manifest/manifest-invalid.csv", "path,label\nimages/a.png,happy\nimages/b.jpg,contempt\n"
          "images/missing.png,3\nimages/huge.png,4\nimages/broken.jpg,5\nimages/c.png,9\nimages/a.png,happy\n")


if __name__ == "__main__":
    fer2013()
    ferplus()
    image_folders()
    cafe()
    manifest()
    encode_images()
