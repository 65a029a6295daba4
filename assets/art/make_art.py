#!/usr/bin/env python3
"""Generate Attune's scene backgrounds and role portraits as PNG files.

Everything here is drawn by this script: no third-party images, no fonts,
no libraries beyond Python's own (zlib, struct, math, random). The output is
deterministic: running it again writes byte-identical files.

    python3 assets/art/make_art.py            # writes assets/art/scenes/*.png
                                              # and assets/art/portraits/*.png

Scenes are 1280x720, soft and dim, so the window's light text stays readable
over them. Portraits are 256x256 head-and-shoulders silhouettes, centred so a
circular crop shows them whole. See assets/art/README.md.
"""

import math
import os
import random
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------
# PNG writing


def png_chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def filtered(rows, ftype, stride):
    """The image data with one PNG filter type on every row."""
    out = bytearray()
    prev = bytes(len(rows[0]))
    for row in rows:
        out.append(ftype)
        if ftype == 0:
            out += row
        elif ftype == 1:  # Sub
            left = bytes(stride) + row[:-stride]
            out += bytes((a - b) & 0xFF for a, b in zip(row, left))
        elif ftype == 2:  # Up
            out += bytes((a - b) & 0xFF for a, b in zip(row, prev))
        prev = row
    return bytes(out)


def png_bytes(width, height, rows):
    """An 8-bit RGB PNG; rows are bytes of width*3. The filter type (none,
    Sub or Up, the same for every row) is whichever compresses smallest."""
    best = None
    for ftype in (0, 1, 2):
        data = zlib.compress(filtered(rows, ftype, 3), 9)
        if best is None or len(data) < len(best):
            best = data
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr)
            + png_chunk(b"IDAT", best) + png_chunk(b"IEND", b""))


MAX_BYTES = 300 * 1024  # the cap on one file, so the art stays light in the repository


def write_png(path, width, height, rows):
    data = png_bytes(width, height, rows)
    if len(data) > MAX_BYTES:
        print(f"warning: {path} is {len(data):,} bytes, over the {MAX_BYTES:,} cap",
              file=sys.stderr)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)
    print(f"{os.path.relpath(path, os.path.dirname(os.path.dirname(HERE)))}"
          f"  {width}x{height}  {len(data):,} bytes")
    return len(data)


# --------------------------------------------------------------------------
# Colour and shape helpers


def hexc(s):
    s = s.lstrip("#")
    return (int(s[0:2], 16), int(s[2:4], 16), int(s[4:6], 16))


def mix(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t)


def smooth(e0, e1, x):
    if e0 == e1:
        return 0.0 if x < e0 else 1.0
    t = (x - e0) / (e1 - e0)
    if t <= 0.0:
        return 0.0
    if t >= 1.0:
        return 1.0
    return t * t * (3.0 - 2.0 * t)


def ramp(stops, y):
    """Colour at y along stops [(y, colour), ...], eased between stops."""
    if y <= stops[0][0]:
        return stops[0][1]
    for (y0, c0), (y1, c1) in zip(stops, stops[1:]):
        if y <= y1:
            return mix(c0, c1, smooth(y0, y1, y))
    return stops[-1][1]


def sd_round_box(px, py, cx, cy, hx, hy, r):
    qx = abs(px - cx) - hx + r
    qy = abs(py - cy) - hy + r
    ox = qx if qx > 0 else 0.0
    oy = qy if qy > 0 else 0.0
    inside = qx if qx > qy else qy
    return math.hypot(ox, oy) + (inside if inside < 0 else 0.0) - r


def sd_circle(x, y, cx, cy, r):
    return math.hypot(x - cx, y - cy) - r


def sd_ellipse(x, y, cx, cy, rx, ry):
    k = min(rx, ry)
    return (math.hypot((x - cx) / rx, (y - cy) / ry) - 1.0) * k


def smin(a, b, k):
    """Smooth union of two distances (k: the width of the blend)."""
    h = max(k - abs(a - b), 0.0) / k
    return min(a, b) - h * h * k * 0.25


def sd_polygon(px, py, pts):
    """Signed distance to a simple polygon (negative inside)."""
    d = (px - pts[0][0]) ** 2 + (py - pts[0][1]) ** 2
    sign = 1.0
    j = len(pts) - 1
    for i in range(len(pts)):
        (xi, yi), (xj, yj) = pts[i], pts[j]
        ex, ey = xj - xi, yj - yi
        wx, wy = px - xi, py - yi
        t = (wx * ex + wy * ey) / (ex * ex + ey * ey)
        t = 0.0 if t < 0 else 1.0 if t > 1 else t
        bx, by = wx - ex * t, wy - ey * t
        d = min(d, bx * bx + by * by)
        c1, c2, c3 = py >= yi, py < yj, ex * wy > ey * wx
        if (c1 and c2 and c3) or (not c1 and not c2 and not c3):
            sign = -sign
        j = i
    return sign * math.sqrt(d)


def hash01(k):
    """A fixed pseudo-random number in [0, 1) for an integer k."""
    return (math.sin(k * 12.9898 + 4.1) * 43758.5453) % 1.0


# --------------------------------------------------------------------------
# Scenes: painted at a quarter of the size in floating point, then
# interpolated up to full size and quantised with a fine ordered dither (so
# the long, shallow gradients do not band).

SCENE_W, SCENE_H = 1280, 720
LOW = 4  # painted at 320x180


class Canvas:
    """A float RGB canvas addressed in full-size pixel coordinates."""

    def __init__(self, w=SCENE_W, h=SCENE_H, scale=LOW):
        self.W, self.H, self.s = w, h, scale
        self.w, self.h = w // scale, h // scale
        n = self.w * self.h
        self.r = [0.0] * n
        self.g = [0.0] * n
        self.b = [0.0] * n

    def _box(self, x0, y0, x1, y1):
        s = self.s
        i0 = max(0, int(math.floor(x0 / s)))
        i1 = min(self.w, int(math.ceil(x1 / s)) + 1)
        j0 = max(0, int(math.floor(y0 / s)))
        j1 = min(self.h, int(math.ceil(y1 / s)) + 1)
        return i0, i1, j0, j1

    def _centre(self, i, j):
        return (i + 0.5) * self.s, (j + 0.5) * self.s

    def vgrad(self, stops):
        for j in range(self.h):
            c = ramp(stops, self._centre(0, j)[1])
            for i in range(self.w):
                k = j * self.w + i
                self.r[k], self.g[k], self.b[k] = c

    def _blend(self, k, c, a):
        self.r[k] += (c[0] - self.r[k]) * a
        self.g[k] += (c[1] - self.g[k]) * a
        self.b[k] += (c[2] - self.b[k]) * a

    def shape(self, sdf, bounds, colour, alpha=1.0, soft=10.0):
        """Paint where sdf(x, y) < 0, fading over `soft` pixels at the edge.
        colour is a colour or colour(x, y)."""
        x0, y0, x1, y1 = bounds
        pad = soft
        i0, i1, j0, j1 = self._box(x0 - pad, y0 - pad, x1 + pad, y1 + pad)
        h = soft / 2.0
        fn = colour if callable(colour) else None
        for j in range(j0, j1):
            for i in range(i0, i1):
                x, y = self._centre(i, j)
                d = sdf(x, y)
                if d >= h:
                    continue
                m = 1.0 - smooth(-h, h, d)
                self._blend(j * self.w + i, fn(x, y) if fn else colour, alpha * m)

    def rect(self, x0, y0, x1, y1, colour, alpha=1.0, soft=10.0, radius=0.0):
        cx, cy, hx, hy = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
        self.shape(lambda x, y: sd_round_box(x, y, cx, cy, hx, hy, radius),
                   (x0, y0, x1, y1), colour, alpha, soft)

    def ellipse(self, cx, cy, rx, ry, colour, alpha=1.0, soft=10.0):
        k = min(rx, ry)
        self.shape(lambda x, y: (math.hypot((x - cx) / rx, (y - cy) / ry) - 1.0) * k,
                   (cx - rx, cy - ry, cx + rx, cy + ry), colour, alpha, soft)

    def poly(self, pts, colour, alpha=1.0, soft=10.0):
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        self.shape(lambda x, y: sd_polygon(x, y, pts), (min(xs), min(ys), max(xs), max(ys)),
                   colour, alpha, soft)

    def below(self, curve, colour, alpha=1.0, soft=10.0, top=0, clip=None):
        """Paint below the curve y = curve(x) (a silhouette: hills, roofs),
        inside the box clip = (x0, y0, x1, y1) when given."""
        if clip is None:
            self.shape(lambda x, y: curve(x) - y, (0, top, self.W, self.H), colour, alpha, soft)
            return
        x0, y0, x1, y1 = clip
        cx, cy, hx, hy = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2, (y1 - y0) / 2
        self.shape(lambda x, y: max(curve(x) - y, sd_round_box(x, y, cx, cy, hx, hy, 0)),
                   (x0, max(y0, top), x1, y1), colour, alpha, soft)

    def glow(self, cx, cy, rx, ry, colour, strength=1.0):
        """Light added with a gaussian falloff; rx, ry are the 1/e radii."""
        i0, i1, j0, j1 = self._box(cx - 3 * rx, cy - 3 * ry, cx + 3 * rx, cy + 3 * ry)
        cr, cg, cb = colour[0] * strength, colour[1] * strength, colour[2] * strength
        for j in range(j0, j1):
            _, y = self._centre(0, j)
            dy = ((y - cy) / ry) ** 2
            for i in range(i0, i1):
                x = (i + 0.5) * self.s
                f = math.exp(-(((x - cx) / rx) ** 2 + dy))
                if f < 0.002:
                    continue
                k = j * self.w + i
                self.r[k] += cr * f
                self.g[k] += cg * f
                self.b[k] += cb * f

    def vignette(self, strength=0.35, colour=(16, 15, 20)):
        for j in range(self.h):
            for i in range(self.w):
                x, y = self._centre(i, j)
                dx = (x / self.W - 0.5) * 2.0
                dy = (y / self.H - 0.5) * 2.0
                a = strength * smooth(0.35, 1.45, math.hypot(dx * 0.9, dy))
                self._blend(j * self.w + i, colour, a)

    def rows(self):
        """Full-size 8-bit rows: bilinear up-scaling, then a 4x4 ordered
        dither of under one level so gradients stay smooth."""
        W, H, s, w, h = self.W, self.H, self.s, self.w, self.h
        bayer = [[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]]
        # each low-res row stretched to full width, as interleaved r, g, b
        xs = []
        for x in range(W):
            u = (x + 0.5) / s - 0.5
            i = int(math.floor(u))
            t = u - i
            xs.append((min(max(i, 0), w - 1), min(max(i + 1, 0), w - 1), t))
        wide = []
        for j in range(h):
            base = j * w
            line = []
            for a, b, t in xs:
                ka, kb = base + a, base + b
                line.append(self.r[ka] + (self.r[kb] - self.r[ka]) * t)
                line.append(self.g[ka] + (self.g[kb] - self.g[ka]) * t)
                line.append(self.b[ka] + (self.b[kb] - self.b[ka]) * t)
            wide.append(line)
        out = []
        for y in range(H):
            v = (y + 0.5) / s - 0.5
            j = int(math.floor(v))
            t = v - j
            la = wide[min(max(j, 0), h - 1)]
            lb = wide[min(max(j + 1, 0), h - 1)]
            br = bayer[y % 4]
            dith = [(br[(k // 3) % 4] + 0.5) / 16.0 for k in range(W * 3)]
            row = bytes(
                0 if q < 0 else 255 if q > 255 else q
                for q in (int(p + (r - p) * t + d) for p, r, d in zip(la, lb, dith)))
            out.append(row)
        return out


# ---- the scenes ----------------------------------------------------------
# Each returns a Canvas. Colours stay dusky and low in contrast: the window
# draws a scene dimmed behind the story, with light text over it.

C = hexc


def window_frame(cv, x0, y0, x1, y1, frame, bars=(1, 1), width=10, alpha=0.85, soft=8):
    """Soft glazing bars across a window already painted."""
    nx, ny = bars
    for k in range(1, nx + 1):
        x = x0 + (x1 - x0) * k / (nx + 1)
        cv.rect(x - width / 2, y0, x + width / 2, y1, frame, alpha, soft)
    for k in range(1, ny + 1):
        y = y0 + (y1 - y0) * k / (ny + 1)
        cv.rect(x0, y - width / 2, x1, y + width / 2, frame, alpha, soft)
    # the frame itself, a darker rim
    cv.shape(lambda x, y: abs(sd_round_box(x, y, (x0 + x1) / 2, (y0 + y1) / 2,
                                           (x1 - x0) / 2, (y1 - y0) / 2, 4)) - width * 0.7,
             (x0 - width, y0 - width, x1 + width, y1 + width), frame, alpha, soft)


def lamp_shade(cv, cx, cy, half_w, half_h, colour, alpha):
    """A lampshade: a soft trapezoid, narrower at the top."""
    top, bot = half_w * 0.62, half_w
    cv.poly([(cx - top, cy - half_h), (cx + top, cy - half_h), (cx + bot, cy + half_h),
             (cx - bot, cy + half_h)], colour, alpha, 8)


def bokeh(cv, rng, n, area, colours, rmin, rmax, amin, amax, soft=14):
    x0, y0, x1, y1 = area
    for _ in range(n):
        cx = x0 + (x1 - x0) * rng.random()
        cy = y0 + (y1 - y0) * rng.random()
        r = rmin + (rmax - rmin) * rng.random()
        col = colours[int(rng.random() * len(colours)) % len(colours)]
        a = amin + (amax - amin) * rng.random()
        cv.ellipse(cx, cy, r, r, col, a, soft)


def scene_kitchen_evening(rng):
    cv = Canvas()
    cv.vgrad([(0, C("#26222b")), (380, C("#33292c")), (720, C("#2a2326"))])
    # window on the right: a deep dusk sky
    sky = lambda x, y: ramp([(150, C("#2c3150")), (330, C("#4a4561")), (420, C("#6e5560"))], y)
    cv.rect(770, 120, 1110, 430, sky, 1.0, 12, 6)
    cv.below(lambda x: 392 + 14 * math.sin(x / 60.0) + 8 * math.sin(x / 23.0 + 1),
             C("#2a2a3a"), 0.8, 12, top=300, clip=(770, 120, 1110, 430))  # far trees
    window_frame(cv, 770, 120, 1110, 430, C("#1f1c22"), (1, 1), 10, 0.9, 8)
    # upper cabinets on the left, barely there
    cv.rect(60, 70, 520, 250, C("#2d2628"), 0.7, 18, 8)
    # counter top and its warm under-cabinet line
    cv.rect(-40, 505, 1320, 540, C("#463832"), 0.9, 10)
    cv.rect(-40, 540, 1320, 760, C("#1f1a1d"), 0.95, 14)
    cv.glow(320, 515, 420, 20, C("#c08a5a"), 0.18)
    # pendant lamp over the counter: a cord, a dome shade, its glow
    cv.rect(418, -20, 422, 250, C("#1d1a1e"), 0.8, 4)
    cv.shape(lambda x, y: max(sd_ellipse(x, y, 420, 300, 70, 52), 300 - y - 52, y - 300),
             (340, 240, 500, 304), C("#3b302c"), 0.95, 6)
    cv.glow(420, 360, 280, 200, C("#b07a4c"), 0.26)
    cv.glow(420, 306, 64, 14, C("#f0c090"), 0.40)
    # warm light spilling on the counter under the lamp
    cv.glow(420, 520, 240, 34, C("#c89464"), 0.25)
    cv.vignette(0.45)
    return cv


def scene_kitchen_day(rng):
    cv = Canvas()
    cv.vgrad([(0, C("#32343d")), (400, C("#3a383d")), (720, C("#2c2a2e"))])
    sky = lambda x, y: ramp([(110, C("#505868")), (300, C("#626470")), (420, C("#72686a"))], y)
    cv.rect(420, 110, 860, 430, sky, 1.0, 14, 6)
    window_frame(cv, 420, 110, 860, 430, C("#34323a"), (1, 0), 12, 0.9, 10)
    # morning light across the wall and the counter
    cv.glow(640, 280, 420, 250, C("#a08a74"), 0.12)
    cv.glow(600, 520, 420, 50, C("#b09880"), 0.16)
    # counter
    cv.rect(-40, 500, 1320, 530, C("#544c4a"), 0.85, 10)
    cv.rect(-40, 530, 1320, 760, C("#292628"), 0.95, 14)
    # a kettle and a mug, only as soft shapes
    cv.shape(lambda x, y: smin(sd_ellipse(x, y, 300, 462, 46, 40), sd_round_box(x, y, 300, 486, 48, 16, 8), 10),
             (240, 410, 360, 504), C("#3e3a40"), 0.8, 10)
    cv.rect(700, 466, 734, 502, C("#48424a"), 0.6, 10, 10)
    cv.vignette(0.4)
    return cv


def scene_living_room_evening(rng):
    cv = Canvas()
    cv.vgrad([(0, C("#221f28")), (420, C("#2d2630")), (720, C("#221d22"))])
    # a dark window on the right with a few far lights
    night = lambda x, y: ramp([(100, C("#1b2034")), (420, C("#2a2d45"))], y)
    cv.rect(830, 90, 1160, 420, night, 1.0, 12, 6)
    bokeh(cv, rng, 5, (870, 320, 1120, 400), [C("#7d6a58"), C("#6a6f86"), C("#86705a")],
          5, 9, 0.3, 0.45, 10)
    window_frame(cv, 830, 90, 1160, 420, C("#1a1820"), (1, 0), 10, 0.9, 8)
    # curtain folds beside it
    for k, x in enumerate((790, 812, 1180, 1204)):
        cv.rect(x - 14, 70, x + 14, 560, C("#372b33" if k % 2 else "#3d2f37"), 0.6, 24)
    # the standing lamp on the left and its pool of light
    cv.glow(250, 260, 330, 280, C("#a8764a"), 0.34)
    cv.glow(250, 250, 80, 60, C("#e2b27e"), 0.30)
    lamp_shade(cv, 250, 245, 62, 36, C("#b0865e"), 0.65)
    cv.rect(246, 285, 254, 600, C("#2b2326"), 0.7, 6)
    # the sofa: a long low rounded shape
    cv.rect(330, 430, 1080, 560, C("#3a2e36"), 0.95, 16, 40)
    cv.rect(300, 500, 1110, 660, C("#33282f"), 0.97, 16, 36)
    cv.rect(420, 450, 560, 520, C("#46363c"), 0.6, 18, 24)  # a cushion
    cv.glow(560, 470, 360, 70, C("#a8764a"), 0.12)  # lamp light on the sofa back
    cv.rect(-40, 640, 1320, 760, C("#1c181c"), 0.85, 30)  # floor
    cv.vignette(0.5)
    return cv


def scene_empty_room_evening(rng):
    cv = Canvas()
    # a freshly painted, still empty room: a bare bulb, a bare window, boxes
    cv.vgrad([(0, C("#2a2930")), (420, C("#34313a")), (560, C("#2e2b32"))])
    dusk = lambda x, y: ramp([(110, C("#262c46")), (300, C("#3e3c58")), (400, C("#5a4a5a"))], y)
    cv.rect(740, 110, 1100, 400, dusk, 1.0, 12, 4)
    cv.below(lambda x: 372 - 30 * hash01(int(x // 34)), C("#262636"), 0.9, 6, top=320,
             clip=(740, 110, 1100, 400))  # roofs across the street
    for _ in range(6):
        cv.glow(760 + 320 * rng.random(), 360 + 20 * rng.random(), 5, 4, C("#c09868"), 0.3)
    window_frame(cv, 740, 110, 1100, 400, C("#24222a"), (1, 0), 10, 0.9, 8)
    # the bare bulb on its flex, and its warm light on fresh paint
    cv.rect(478, -20, 482, 170, C("#1e1c22"), 0.8, 4)
    cv.glow(480, 186, 18, 20, C("#f4d0a0"), 0.5)
    cv.glow(480, 220, 360, 260, C("#a87c54"), 0.24)
    # floorboards
    cv.rect(-40, 560, 1320, 760, lambda x, y: ramp([(560, C("#3a3030")), (720, C("#241e1e"))], y),
            1.0, 14)
    # boxes stacked along the walls, soft cardboard shapes
    boxes = ((90, 430, 300, 600, "#4a3e36"), (120, 330, 280, 432, "#52443a"),
             (320, 480, 470, 610, "#463a34"), (930, 470, 1130, 620, "#4a3d36"),
             (1140, 400, 1300, 620, "#44382f"))
    for x0, y0, x1, y1, col in boxes:
        cv.rect(x0, y0, x1, y1, C(col), 0.95, 8, 3)
        cv.rect(x0, (y0 + y1) / 2 - 6, x1, (y0 + y1) / 2 + 6, C("#5a4c40"), 0.35, 6)  # tape
    # a pizza box on the floor between them, lit a little
    cv.poly([(560, 640), (760, 640), (800, 690), (520, 690)], C("#5a4a3c"), 0.8, 10)
    cv.glow(660, 650, 220, 50, C("#8a6a4a"), 0.12)
    cv.vignette(0.45)
    return cv


def scene_bedroom_night(rng):
    cv = Canvas()
    cv.vgrad([(0, C("#181a26")), (400, C("#1f2130")), (720, C("#181822"))])
    # a window with thin curtains, moonlight behind
    moon = lambda x, y: ramp([(80, C("#2a3352")), (380, C("#3a4064"))], y)
    cv.rect(520, 80, 780, 380, moon, 1.0, 16, 6)
    cv.glow(690, 150, 90, 90, C("#8090b8"), 0.22)
    window_frame(cv, 520, 80, 780, 380, C("#181a26"), (1, 1), 8, 0.85, 8)
    cv.rect(470, 60, 560, 420, C("#262a40"), 0.75, 40)  # curtains, soft
    cv.rect(740, 60, 830, 420, C("#262a40"), 0.75, 40)
    cv.glow(650, 560, 520, 120, C("#3c4670"), 0.30)  # moonlight on the covers
    # headboard and pillows
    cv.rect(260, 420, 1020, 520, C("#23222f"), 0.95, 14, 18)
    cv.ellipse(470, 515, 150, 40, C("#3a3c52"), 0.85, 18)
    cv.ellipse(810, 515, 150, 40, C("#383a50"), 0.85, 18)
    # the covers, a long gentle fold
    cv.below(lambda x: 560 + 18 * math.sin(x / 210.0), C("#2c2f48"), 0.95, 20, top=520)
    cv.below(lambda x: 640 + 14 * math.sin(x / 160.0 + 2), C("#262840"), 0.6, 30, top=600)
    cv.vignette(0.5)
    return cv


def scene_bedroom_morning(rng):
    cv = Canvas()
    cv.vgrad([(0, C("#2c2a33")), (420, C("#34303a")), (720, C("#26232a"))])
    # drawn curtains with a gap of light between them
    cv.rect(340, 40, 940, 470, C("#423b46"), 0.8, 30, 10)
    for k in range(7):  # soft folds
        x = 370 + k * 90
        if 560 < x < 720:
            continue
        cv.rect(x - 16, 40, x + 16, 470, C("#383240"), 0.4, 44)
    cv.glow(640, 250, 60, 240, C("#c0a08a"), 0.24)
    cv.glow(640, 250, 18, 210, C("#e0c8aa"), 0.20)
    # the light falling across the bed
    cv.glow(700, 600, 360, 80, C("#a08a74"), 0.18)
    cv.rect(180, 430, 1100, 520, C("#332e38"), 0.9, 16, 20)  # headboard
    cv.ellipse(450, 520, 160, 42, C("#4c4652"), 0.8, 20)
    cv.ellipse(820, 520, 160, 42, C("#4a4450"), 0.8, 20)
    cv.below(lambda x: 565 + 16 * math.sin(x / 190.0 + 1), C("#3e3844"), 0.95, 22, top=520)
    cv.below(lambda x: 650 + 12 * math.sin(x / 150.0 + 3), C("#36303c"), 0.6, 30, top=600)
    cv.vignette(0.45)
    return cv


def scene_phone_glow(rng):
    cv = Canvas()
    cv.vgrad([(0, C("#14141c")), (500, C("#181823")), (720, C("#15141b"))])
    # the glow of a screen in the dark, low and to the side
    cv.glow(720, 480, 420, 280, C("#3a4a78"), 0.42)
    cv.glow(720, 470, 140, 150, C("#5a70a8"), 0.26)
    # a duvet, its folds catching the light
    cv.below(lambda x: 560 + 36 * math.sin(x / 240.0 + 0.5), C("#1d2132"), 0.95, 40, top=480)
    cv.glow(720, 560, 300, 50, C("#34446c"), 0.25)
    # the phone lying on it, a little turned: a soft pale rounded rectangle
    ang = math.radians(-14)
    ca, sa = math.cos(ang), math.sin(ang)

    def phone(x, y, px=720, py=470):
        u = (x - px) * ca + (y - py) * sa
        v = -(x - px) * sa + (y - py) * ca
        return sd_round_box(u, v, 0, 0, 58, 108, 16)
    screen = lambda x, y: ramp([(380, C("#7082aa")), (570, C("#52628c"))], y)
    cv.shape(phone, (640, 350, 800, 590), C("#10121a"), 0.85, 8)  # its edge
    cv.shape(lambda x, y: phone(x, y) + 6, (640, 350, 800, 590), screen, 0.6, 10)
    cv.vignette(0.45, (10, 10, 14))
    return cv


def scene_street_night(rng):
    cv = Canvas()
    cv.vgrad([(0, C("#161a2a")), (380, C("#22263a")), (470, C("#2a2a3a")), (720, C("#1a1a22"))])
    # roofs and chimneys of a terrace, one soft silhouette
    def roofs(x):
        k = int(x // 170)
        base = 330 + 22 * math.sin(k * 2.3)
        t = (x % 170) / 170.0
        peak = 40 * (1 - abs(t - 0.5) * 2)
        chim = 28 if 0.68 < t < 0.76 and k % 2 == 0 else 0
        return base - peak - chim
    cv.below(roofs, C("#1d1e2b"), 1.0, 8, top=220)
    # a few lit windows
    for k in range(7):
        x = 90 + k * 175 + 30 * math.sin(k * 1.7)
        if k % 3 == 1:
            continue
        cv.rect(x, 400, x + 40, 448, C("#56463a"), 0.5, 10, 3)
    # pavement and road
    cv.rect(-40, 520, 1320, 560, C("#26252e"), 0.8, 14)
    cv.rect(-40, 560, 1320, 760, C("#1b1b22"), 0.9, 20)
    # streetlights with their pools of light
    for x, s in ((230, 1.0), (700, 0.85), (1120, 0.7)):
        cv.rect(x - 3, 250, x + 3, 540, C("#2a2a32"), 0.8, 4)
        cv.glow(x, 250, 30, 22, C("#f0c080"), 0.42 * s)
        cv.glow(x, 260, 150, 120, C("#b08050"), 0.20 * s)
        cv.glow(x, 560, 200, 40, C("#a07a50"), 0.22 * s)
    cv.vignette(0.45)
    return cv


def scene_car_night(rng):
    cv = Canvas()
    # outside, through the windscreen: a dark road, blurred lights ahead
    cv.vgrad([(0, C("#15161f")), (260, C("#1c1e2c")), (400, C("#282636")), (520, C("#1c1b24"))])
    bokeh(cv, rng, 12, (220, 300, 1060, 400), [C("#a06a48"), C("#8c4c44"), C("#7a7a90"),
                                                   C("#b08a58")], 12, 34, 0.22, 0.42, 22)
    cv.glow(640, 380, 520, 60, C("#5a4a48"), 0.22)
    # the car around us: roof lining, pillars leaning in, the dashboard
    screen = [(200, 470), (1080, 470), (960, 110), (320, 110)]
    cv.shape(lambda x, y: -sd_polygon(x, y, screen), (0, 0, 1280, 720), C("#111117"), 0.95, 40)
    cv.below(lambda x: 500 - 40 * math.cos((x - 640) / 900.0), C("#16151c"), 1.0, 18, top=440)
    cv.glow(380, 560, 120, 40, C("#3a6a80"), 0.24)  # instruments
    cv.glow(860, 545, 70, 26, C("#7a5a40"), 0.16)  # the radio
    # the upper arc of a steering wheel, very soft
    cv.shape(lambda x, y: abs(math.hypot(x - 380, (y - 720) * 1.05) - 250) - 16,
             (100, 440, 660, 760), C("#0e0e13"), 0.9, 14)
    cv.vignette(0.45, (10, 10, 14))
    return cv


def scene_cafe_evening(rng):
    cv = Canvas()
    cv.vgrad([(0, C("#231c1e")), (360, C("#2f2424")), (720, C("#201a1b"))])
    # the big window onto the evening, with lights beyond
    out = lambda x, y: ramp([(90, C("#1e2234")), (420, C("#34303e"))], y)
    cv.rect(120, 90, 1160, 430, out, 1.0, 14, 6)
    bokeh(cv, rng, 18, (150, 170, 1130, 410), [C("#8a6448"), C("#6c6076"), C("#9a7450"),
                                                   C("#7a5a4a")], 10, 28, 0.2, 0.42, 22)
    window_frame(cv, 120, 90, 1160, 430, C("#1f1818"), (2, 0), 12, 0.9, 8)
    # a string of warm lights along the top
    for k in range(15):
        x = 90 + k * 78
        y = 62 + 16 * math.sin(k * 0.8) ** 2
        cv.glow(x, y, 14, 12, C("#e8b070"), 0.36)
        cv.glow(x, y + 8, 48, 40, C("#a06a40"), 0.10)
    # the table edge and a candle's glow
    cv.rect(-40, 540, 1320, 580, C("#4a3630"), 0.95, 10)
    cv.rect(-40, 580, 1320, 760, C("#1d1617"), 0.95, 16)
    cv.glow(640, 520, 40, 50, C("#f0c080"), 0.32)
    cv.glow(640, 540, 300, 110, C("#b07a48"), 0.22)
    # two glasses, only their soft glints
    cv.rect(520, 470, 556, 548, C("#5a4a48"), 0.4, 10, 6)
    cv.rect(724, 474, 758, 548, C("#554650"), 0.4, 10, 6)
    cv.vignette(0.5)
    return cv


def scene_garden_dusk(rng):
    cv = Canvas()
    cv.vgrad([(0, C("#1c2036")), (250, C("#2c2e4c")), (420, C("#4c4158")), (500, C("#554452"))])
    # a hedge at the end of the garden, and two trees over it
    cv.below(lambda x: 425 + 10 * math.sin(x / 45.0) + 6 * math.sin(x / 17.0 + 2),
             C("#1e2028"), 1.0, 10, top=380)
    for cx, cy, rx, ry in ((250, 300, 130, 110), (380, 350, 90, 80), (1180, 340, 110, 100)):
        cv.ellipse(cx, cy, rx, ry, C("#1e2028"), 1.0, 16)
    cv.rect(244, 380, 262, 440, C("#1e2028"), 1.0, 6)
    # the shed, with a lit window
    cv.rect(870, 370, 1090, 520, C("#24222a"), 1.0, 8, 2)
    cv.poly([(850, 378), (1110, 378), (980, 318)], C("#24222a"), 1.0, 8)  # its roof
    cv.rect(925, 412, 985, 456, C("#8a6a48"), 0.85, 6, 2)
    cv.glow(955, 434, 80, 60, C("#a07850"), 0.22)
    # lawn, darker toward us
    cv.rect(-40, 500, 1320, 760, lambda x, y: ramp([(500, C("#262a2c")), (720, C("#18191c"))], y),
            1.0, 24)
    cv.glow(980, 520, 200, 26, C("#8a6a48"), 0.12)  # shed light on the grass
    # the back step and the light from the house behind us
    cv.rect(-40, 640, 1320, 760, C("#2a2628"), 0.9, 16)
    cv.glow(300, 700, 520, 120, C("#8a6240"), 0.20)
    cv.vignette(0.45)
    return cv


def scene_seaside_day(rng):
    cv = Canvas()
    cv.vgrad([(0, C("#3a4150")), (300, C("#535966")), (340, C("#5e606c"))])
    # soft clouds
    for k in range(5):
        cx = 120 + k * 270 + 60 * rng.random()
        cv.ellipse(cx, 100 + 70 * rng.random(), 200, 34, C("#5e6472"), 0.35, 70)
    # the sea, brighter toward the horizon
    sea = lambda x, y: ramp([(340, C("#4e5a62")), (580, C("#34424a"))], y)
    cv.rect(-40, 340, 1320, 600, sea, 1.0, 4)
    cv.glow(760, 348, 520, 14, C("#8a9096"), 0.22)
    cv.glow(760, 420, 300, 60, C("#6a7478"), 0.10)  # sun on the water, through cloud
    # the sea wall in front: its top, and the stone face
    cv.rect(-40, 580, 1320, 612, C("#524e4c"), 0.95, 8)
    cv.rect(-40, 612, 1320, 760, C("#333030"), 0.98, 14)
    cv.vignette(0.4)
    return cv


def scene_lakeshore_night(rng):
    cv = Canvas()
    cv.vgrad([(0, C("#12162a")), (330, C("#20253e")), (380, C("#2a2a42"))])
    # the far city across the water: a low band of buildings and their lights
    def skyline(x):
        k = int(x // 40)
        return 380 - (12 + 30 * hash01(k))
    cv.below(skyline, C("#1a1c2e"), 1.0, 5, top=320)
    cv.rect(536, 190, 544, 380, C("#1a1c2e"), 1.0, 4)  # one slim tower
    cv.ellipse(540, 262, 15, 9, C("#1a1c2e"), 1.0, 4)
    cv.glow(540, 190, 5, 5, C("#b06060"), 0.4)
    for _ in range(60):
        x = 40 + 1200 * rng.random()
        y = 352 + 24 * rng.random()
        cv.glow(x, y, 5, 4, C("#d0a070") if rng.random() < 0.7 else C("#a0a8c8"), 0.42)
    cv.glow(640, 380, 640, 40, C("#6a5050"), 0.16)
    # the lake, and the lights' long soft reflections
    cv.rect(-40, 380, 1320, 760, lambda x, y: ramp([(380, C("#22263c")), (720, C("#14162a"))], y),
            1.0, 4)
    for _ in range(14):
        x = 60 + 1160 * rng.random()
        cv.glow(x, 450 + 50 * rng.random(), 16, 70, C("#8a6e54"), 0.08)
    # the shore path in front
    cv.below(lambda x: 640 + 20 * math.sin(x / 300.0), C("#141418"), 0.95, 20, top=600)
    cv.vignette(0.5, (10, 10, 16))
    return cv


def scene_holiday_house(rng):
    cv = Canvas()
    cv.vgrad([(0, C("#2a2830")), (400, C("#34302f")), (720, C("#27231f"))])
    # a wide cottage window onto the sea at dusk, a glow along the horizon
    def view(x, y):
        if y < 330:
            c = ramp([(120, C("#3a3f5e")), (300, C("#665868")), (330, C("#76606a"))], y)
        else:
            c = ramp([(330, C("#4a5064")), (450, C("#343a4e"))], y)
        f = 0.2 * math.exp(-((y - 330) / 12.0) ** 2 - ((x - 760) / 300.0) ** 2)
        return mix(c, C("#c0a0a0"), f)
    cv.rect(300, 120, 980, 450, view, 1.0, 10, 4)
    window_frame(cv, 300, 120, 980, 450, C("#2a2426"), (2, 1), 12, 0.9, 8)
    # a deep windowsill, painted wood
    cv.rect(260, 450, 1020, 482, C("#4e4640"), 0.95, 8, 4)
    # a lamp on a side table to the left, and the warm room
    cv.glow(150, 380, 260, 240, C("#a0724a"), 0.26)
    cv.glow(150, 372, 50, 34, C("#e0b080"), 0.22)
    lamp_shade(cv, 150, 370, 44, 30, C("#a8805a"), 0.6)
    cv.rect(145, 400, 155, 470, C("#2a2224"), 0.7, 6)
    cv.rect(60, 468, 240, 484, C("#2e2624"), 0.85, 8, 3)  # the side table
    cv.rect(76, 484, 92, 600, C("#262020"), 0.8, 8)
    cv.rect(208, 484, 224, 600, C("#262020"), 0.8, 8)
    # the table below
    cv.rect(-40, 590, 1320, 620, C("#4a3c34"), 0.95, 10)
    cv.rect(-40, 620, 1320, 760, C("#1f1a19"), 0.95, 16)
    cv.vignette(0.45)
    return cv


def scene_dinner_table(rng):
    cv = Canvas()
    cv.vgrad([(0, C("#2e2d2c")), (400, C("#373430")), (720, C("#2a2724"))])
    # daylight from a tall window on the left
    day = lambda x, y: ramp([(80, C("#566068")), (440, C("#6a645e"))], y)
    cv.rect(110, 80, 390, 460, day, 1.0, 14, 4)
    window_frame(cv, 110, 80, 390, 460, C("#3a3834"), (1, 2), 10, 0.85, 8)
    cv.glow(450, 350, 420, 260, C("#8a8070"), 0.12)
    # an empty picture frame on the wall
    cv.rect(720, 150, 960, 320, C("#3c3a36"), 0.8, 10, 3)
    cv.rect(742, 172, 938, 298, C("#43403c"), 0.8, 10, 2)
    # the tablecloth, pale and soft, plates and glasses as gentle shapes
    cv.rect(-40, 500, 1320, 760, lambda x, y: ramp([(500, C("#56524c")), (720, C("#3a3734"))], y),
            0.97, 16)
    cv.ellipse(420, 560, 120, 32, C("#625e58"), 0.7, 14)
    cv.ellipse(860, 560, 120, 32, C("#605c56"), 0.7, 14)
    cv.rect(600, 470, 630, 540, C("#57544f"), 0.5, 10, 6)
    cv.rect(660, 480, 686, 540, C("#54514c"), 0.5, 10, 6)
    cv.vignette(0.45)
    return cv


def scene_balcony_morning(rng):
    cv = Canvas()
    cv.vgrad([(0, C("#363c54")), (260, C("#544e62")), (420, C("#76626a"))])
    cv.glow(900, 380, 300, 120, C("#a88068"), 0.22)  # low morning sun, hazy
    # layers of flat-roofed blocks, paler with distance
    for layer, (base, col, tall, width) in enumerate(((380, "#564c60", 40, 60), (430, "#443c50", 60, 90),
                                                      (490, "#322b3a", 80, 130))):
        def blocks(x, b=base, t=tall, w=width, s=layer * 17):
            k = int(x // w) + s
            return b - t * (0.35 + 0.65 * hash01(k))
        cv.below(blocks, C(col), 1.0, 6 + 2 * layer, top=base - tall - 20)
    # a slender minaret far off, in the haze
    cv.rect(353, 250, 363, 380, C("#5a5266"), 0.8, 6)
    cv.poly([(350, 252), (366, 252), (358, 222)], C("#5a5266"), 0.8, 6)
    cv.rect(348, 290, 368, 298, C("#5a5266"), 0.8, 4)
    # the balcony rail in front, very soft
    cv.rect(-40, 560, 1320, 576, C("#2a2430"), 0.95, 8)
    for k in range(18):
        x = 40 + k * 72
        cv.rect(x - 4, 576, x + 4, 720, C("#2a2430"), 0.8, 8)
    cv.rect(-40, 690, 1320, 760, C("#241e28"), 0.95, 16)
    cv.vignette(0.4)
    return cv


def scene_hospital_corridor(rng):
    cv = Canvas()
    cv.vgrad([(0, C("#2e3334")), (360, C("#383e3c")), (720, C("#2a2e2c"))])
    # a long quiet corridor: floor and ceiling drawing in, soft ceiling lights
    vx, vy = 640, 330
    cv.shape(lambda x, y: -((y - vy) - abs(x - vx) * 0.62) if y > vy else 1e9,
             (0, vy, 1280, 720), C("#434845"), 0.6, 40)  # the floor, catching light
    cv.shape(lambda x, y: -((vy - y) - abs(x - vx) * 0.5) if y < vy else 1e9,
             (0, 0, 1280, vy), C("#3a3f3e"), 0.5, 40)  # the ceiling
    for k in range(5):
        t = 0.55 ** k
        y = vy - 300 * t
        w = 140 * t
        cv.rect(vx - w, y - 10 * t - 2, vx + w, y + 10 * t + 2, C("#98a29a"), 0.45, 8 + 8 * t)
        cv.glow(vx, y + 14 * t, 300 * t + 20, 60 * t + 6, C("#6a7268"), 0.2)
    cv.rect(vx - 70, vy - 80, vx + 70, vy + 50, C("#545a56"), 0.5, 24, 4)  # the doors at the end
    cv.glow(vx, 640, 260, 60, C("#646a66"), 0.14)  # light on the floor
    cv.vignette(0.5)
    return cv


def scene_cottage_rain(rng):
    cv = Canvas()
    cv.vgrad([(0, C("#1e2024")), (420, C("#282626")), (720, C("#1c1a1a"))])
    # a small deep-set window on a wet night: the line of a hill, rain
    out = lambda x, y: ramp([(140, C("#222a38")), (420, C("#303844"))], y)
    cv.rect(420, 140, 860, 440, out, 1.0, 10, 6)
    cv.below(lambda x: 350 + 30 * math.sin(x / 110.0 + 1), C("#1c2028"), 0.9, 20, top=280,
             clip=(420, 140, 860, 440))
    for _ in range(34):  # streaks of rain on the glass
        x = 440 + 400 * rng.random()
        y = 160 + 240 * rng.random()
        L = 14 + 30 * rng.random()
        cv.rect(x - 1.5, y, x + 1.5, y + L, C("#4e5868"), 0.25 + 0.25 * rng.random(), 6, 1.5)
    window_frame(cv, 420, 140, 860, 440, C("#1a1818"), (1, 1), 12, 0.9, 8)
    # the stone sill
    cv.rect(380, 440, 900, 476, C("#3a3432"), 0.95, 8, 3)
    # a table lamp on the right, warm against the cold glass
    cv.glow(1060, 400, 280, 240, C("#a0703c"), 0.28)
    cv.glow(1060, 392, 50, 34, C("#e6b47a"), 0.24)
    lamp_shade(cv, 1060, 390, 48, 32, C("#a47a52"), 0.6)
    cv.rect(1054, 422, 1066, 560, C("#241e1c"), 0.7, 6)
    cv.rect(-40, 560, 1320, 760, C("#1a1616"), 0.9, 30)
    cv.vignette(0.5)
    return cv


SCENES = [
    ("kitchen-evening", scene_kitchen_evening),
    ("kitchen-day", scene_kitchen_day),
    ("living-room-evening", scene_living_room_evening),
    ("empty-room-evening", scene_empty_room_evening),
    ("bedroom-night", scene_bedroom_night),
    ("bedroom-morning", scene_bedroom_morning),
    ("phone-glow", scene_phone_glow),
    ("street-night", scene_street_night),
    ("car-night", scene_car_night),
    ("cafe-evening", scene_cafe_evening),
    ("garden-dusk", scene_garden_dusk),
    ("seaside-day", scene_seaside_day),
    ("lakeshore-night", scene_lakeshore_night),
    ("holiday-house", scene_holiday_house),
    ("dinner-table", scene_dinner_table),
    ("balcony-morning", scene_balcony_morning),
    ("hospital-corridor", scene_hospital_corridor),
    ("cottage-rain", scene_cottage_rain),
]


# --------------------------------------------------------------------------
# Portraits: a head over rounded shoulders, with one of three hair outlines
# (short, long, curls), anti-aliased by distance (each pixel's coverage comes
# from its distance to the edge). No faces; only the hair outline differs.

PORTRAIT = 256

# name: (background light, background dark, figure)
TINTS = {
    "rose":  ("#6e5058", "#43323a", "#2a1f25"),
    "sand":  ("#6e6048", "#453b2e", "#2a241c"),
    "sage":  ("#55634f", "#353f33", "#20271f"),
    "sky":   ("#4f6178", "#313c4c", "#1e2530"),
    "lilac": ("#605474", "#3b3448", "#24202d"),
    "slate": ("#575d66", "#363a40", "#212428"),
}

SHAPES = ("short", "long", "curls")


def figure_sdf(shape):
    """The silhouette's distance function, in portrait pixels: a head over a
    neck and rounded shoulders, with the outline of one of the hair shapes."""
    hx, hy, hr = 128.0, 104.0, 40.0

    def head_and_body(x, y):
        head = sd_ellipse(x, y, hx, hy, hr * 0.9, hr)
        neck = sd_round_box(x, y, hx, 156, 18, 22, 8)
        shoulders = sd_round_box(x, y, hx, 252, 98, 78, 64)
        return smin(smin(head, neck, 10), shoulders, 26)

    if shape == "short":
        def hair(x, y):
            # close-cropped: a slightly fuller, taller crown
            return sd_ellipse(x, y, hx, hy - 7, hr * 0.93, hr * 0.97)
    elif shape == "long":
        def hair(x, y):
            crown = sd_ellipse(x, y, hx, hy - 4, hr * 1.04, hr * 1.04)
            fall = sd_round_box(x, y, hx, 148, 50 - max(0.0, 150 - y) * 0.12, 50, 24)
            return smin(crown, fall, 18)
    else:  # curls: a rounded crown of soft bumps
        ring = [(hx + 41 * math.cos(t), hy - 6 + 40 * math.sin(t))
                for t in [math.pi * (0.86 + k * 1.28 / 11.0) for k in range(12)]]

        def hair(x, y):
            d = sd_ellipse(x, y, hx, hy - 8, hr * 1.02, hr * 0.98)
            for bx, by in ring:
                d = smin(d, sd_circle(x, y, bx, by, 14), 5)
            return d

    def sdf(x, y):
        return smin(head_and_body(x, y), hair(x, y), 4)
    return sdf


def portrait_rows(tint, shape):
    light, dark, fig = (hexc(c) for c in TINTS[tint])
    sdf = figure_sdf(shape)
    lit = mix(fig, light, 0.22)
    n = PORTRAIT
    bayer = [[0, 8, 2, 10], [12, 4, 14, 6], [3, 11, 1, 9], [15, 7, 13, 5]]
    rows = []
    for py in range(n):
        y = py + 0.5
        row = bytearray(n * 3)
        for px in range(n):
            x = px + 0.5
            # background: a soft light from above left, darker toward the rim
            d = math.hypot(x - 100, y - 76) / 220.0
            c = mix(light, dark, smooth(0.0, 1.0, d))
            a = 0.5 - sdf(x, y)  # coverage of a one-pixel footprint
            if a > 0:
                a = 1.0 if a > 1 else a
                # the figure, faintly lit from the same side as the background
                f = mix(fig, lit, 0.6 * math.exp(-(((x - 100) ** 2 + (y - 90) ** 2) / 9000.0)))
                c = mix(c, f, a)
            dv = (bayer[py % 4][px % 4] + 0.5) / 16.0
            for k in range(3):
                q = int(c[k] + dv)
                row[px * 3 + k] = 0 if q < 0 else 255 if q > 255 else q
        rows.append(bytes(row))
    return rows


# --------------------------------------------------------------------------


def main(argv):
    only = set(argv[1:])  # optional: names to write (for quick iteration)
    total = 0
    for name, paint in SCENES:
        if only and name not in only:
            continue
        rng = random.Random("attune-scene-" + name)  # str seeds are stable
        cv = paint(rng)
        total += write_png(os.path.join(HERE, "scenes", name + ".png"),
                           SCENE_W, SCENE_H, cv.rows())
    for tint in TINTS:
        for shape in SHAPES:
            name = f"{tint}-{shape}"
            if only and name not in only:
                continue
            total += write_png(os.path.join(HERE, "portraits", name + ".png"),
                               PORTRAIT, PORTRAIT, portrait_rows(tint, shape))
    print(f"total {total:,} bytes")


if __name__ == "__main__":
    main(sys.argv)
