// Astronomy for the lunisolar calendar, implemented from the published formulas of Jean Meeus, "Astronomical
// Algorithms" (2nd ed., 1998): chapter 49 (true phases of the Moon, with the planetary-argument corrections),
// chapter 25 (apparent solar longitude, low-accuracy method, ~0.01°) and the ΔT polynomials of Espenak & Meeus
// (NASA "Five Millennium Canon of Solar Eclipses", 2006). Times are Julian Dates; JDE is in Terrestrial Time.

const RAD = Math.PI / 180;

function sinDeg(x: number): number {
  return Math.sin(x * RAD);
}

/** ΔT = TT − UT in seconds for a decimal year (Espenak & Meeus polynomials). */
export function deltaTSeconds(y: number): number {
  let t: number;
  if (y < 1700) {
    const u = (y - 1820) / 100;
    return -20 + 32 * u * u;
  }
  if (y < 1800) {
    t = y - 1700;
    return 8.83 + 0.1603 * t - 0.0059285 * t ** 2 + 0.00013336 * t ** 3 - t ** 4 / 1_174_000;
  }
  if (y < 1860) {
    t = y - 1800;
    return (
      13.72 -
      0.332447 * t +
      0.0068612 * t ** 2 +
      0.0041116 * t ** 3 -
      0.00037436 * t ** 4 +
      0.0000121272 * t ** 5 -
      0.0000001699 * t ** 6 +
      0.000000000875 * t ** 7
    );
  }
  if (y < 1900) {
    t = y - 1860;
    return 7.62 + 0.5737 * t - 0.251754 * t ** 2 + 0.01680668 * t ** 3 - 0.0004473624 * t ** 4 + t ** 5 / 233_174;
  }
  if (y < 1920) {
    t = y - 1900;
    return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4;
  }
  if (y < 1941) {
    t = y - 1920;
    return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3;
  }
  if (y < 1961) {
    t = y - 1950;
    return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547;
  }
  if (y < 1986) {
    t = y - 1975;
    return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718;
  }
  if (y < 2005) {
    t = y - 2000;
    return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5;
  }
  if (y < 2050) {
    t = y - 2000;
    return 62.92 + 0.32217 * t + 0.005589 * t ** 2;
  }
  const u = (y - 1820) / 100;
  if (y < 2150) return -20 + 32 * u * u - 0.5628 * (2150 - y);
  return -20 + 32 * u * u;
}

/** ΔT in days for a Julian Date. */
function deltaTDays(jd: number): number {
  return deltaTSeconds(2000 + (jd - 2451545) / 365.25) / 86400;
}

/** Converts a Terrestrial Time Julian Ephemeris Date to a Universal Time Julian Date. */
export function jdeToJdUt(jde: number): number {
  return jde - deltaTDays(jde);
}

/** Converts a Universal Time Julian Date to a Terrestrial Time Julian Ephemeris Date. */
export function jdUtToJde(jd: number): number {
  return jd + deltaTDays(jd);
}

/** Mean length of a synodic month in days. */
export const SYNODIC_MONTH = 29.530588861;

/**
 * JDE (Terrestrial Time) of the true new moon number `k`, counted from the new moon of 6 January 2000 (k = 0),
 * per Meeus ch. 49. Accuracy: a few seconds against modern ephemerides over several centuries.
 */
export function newMoonJde(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  const T4 = T3 * T;
  let jde = 2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4;
  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3;
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4;
  const F = 160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4;
  const Om = 124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3;
  const m = M * RAD;
  const mp = Mp * RAD;
  const f = F * RAD;
  const sin = Math.sin;
  // Periodic terms of the new-moon correction (Meeus ch. 49), written out for speed.
  jde +=
    -0.4072 * sin(mp) +
    0.17241 * E * sin(m) +
    0.01608 * sin(2 * mp) +
    0.01039 * sin(2 * f) +
    0.00739 * E * sin(mp - m) -
    0.00514 * E * sin(mp + m) +
    0.00208 * E * E * sin(2 * m) -
    0.00111 * sin(mp - 2 * f) -
    0.00057 * sin(mp + 2 * f) +
    0.00056 * E * sin(2 * mp + m) -
    0.00042 * sin(3 * mp) +
    0.00042 * E * sin(m + 2 * f) +
    0.00038 * E * sin(m - 2 * f) -
    0.00024 * E * sin(2 * mp - m) -
    0.00017 * sin(Om * RAD) -
    0.00007 * sin(mp + 2 * m) +
    0.00004 * sin(2 * mp - 2 * f) +
    0.00004 * sin(3 * m) +
    0.00003 * sin(mp + m - 2 * f) +
    0.00003 * sin(2 * mp + 2 * f) -
    0.00003 * sin(mp + m + 2 * f) +
    0.00003 * sin(mp - m + 2 * f) -
    0.00002 * sin(mp - m - 2 * f) -
    0.00002 * sin(3 * mp + m) +
    0.00002 * sin(4 * mp);
  // Additional corrections from the planetary arguments A1…A14.
  jde +=
    0.000325 * sinDeg(299.77 + 0.107408 * k - 0.009173 * T2) +
    0.000165 * sinDeg(251.88 + 0.016321 * k) +
    0.000164 * sinDeg(251.83 + 26.651886 * k) +
    0.000126 * sinDeg(349.42 + 36.412478 * k) +
    0.00011 * sinDeg(84.66 + 18.206239 * k) +
    0.000062 * sinDeg(141.74 + 53.303771 * k) +
    0.00006 * sinDeg(207.14 + 2.453732 * k) +
    0.000056 * sinDeg(154.84 + 7.30686 * k) +
    0.000047 * sinDeg(34.52 + 27.261239 * k) +
    0.000042 * sinDeg(207.19 + 0.121824 * k) +
    0.00004 * sinDeg(291.34 + 1.844379 * k) +
    0.000037 * sinDeg(161.72 + 24.198154 * k) +
    0.000035 * sinDeg(239.56 + 25.513099 * k) +
    0.000023 * sinDeg(331.55 + 3.592518 * k);
  return jde;
}

/** Universal Time Julian Date of new moon number `k`. */
export function newMoonJd(k: number): number {
  return jdeToJdUt(newMoonJde(k));
}

function normalizeDegrees(x: number): number {
  const r = x % 360;
  return r < 0 ? r + 360 : r;
}

/** Apparent geocentric longitude of the Sun in degrees [0, 360) at a JDE (Meeus ch. 25, low accuracy). */
export function sunLongitude(jde: number): number {
  const T = (jde - 2451545) / 36525;
  const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T * T;
  const M = 357.52911 + 35999.05029 * T - 0.0001537 * T * T;
  const C =
    (1.914602 - 0.004817 * T - 0.000014 * T * T) * sinDeg(M) +
    (0.019993 - 0.000101 * T) * sinDeg(2 * M) +
    0.000289 * sinDeg(3 * M);
  const omega = 125.04 - 1934.136 * T;
  return normalizeDegrees(L0 + C - 0.00569 - 0.00478 * sinDeg(omega));
}

/** Apparent solar longitude at a Universal Time Julian Date. */
export function sunLongitudeUt(jd: number): number {
  return sunLongitude(jdUtToJde(jd));
}

/**
 * Universal Time Julian Date at which the apparent solar longitude reaches `target` degrees, starting the search
 * from `jdGuess` (must be within a few weeks). Converges to well under a second.
 */
export function sunReachesLongitude(target: number, jdGuess: number): number {
  let jde = jdUtToJde(jdGuess);
  for (let i = 0; i < 8; i++) {
    const diff = normalizeDegrees(target - sunLongitude(jde) + 180) - 180;
    // 365.2422 / 360 days per degree; the Sun moves 0.95–1.02°/day so this converges quickly.
    const step = diff * 1.0146;
    jde += step;
    if (Math.abs(step) < 1e-6) break;
  }
  return jdeToJdUt(jde);
}
