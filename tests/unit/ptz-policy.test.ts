/** Who may steer a camera, and the one-operator lock (common/ptz-policy.ts). */
import { describe, expect, it } from 'vitest';
import { PtzLocks, steerVerdict } from '../../common/ptz-policy.js';
import type { Principal } from '../../common/scope-policy.js';

const county: Principal = { role: 'county_duty_officer', orgUnitCode: '431099' };
const countyWall: Principal = { role: 'wall_operator', orgUnitCode: '431099' };
const town01: Principal = { role: 'township_director', orgUnitCode: '431099001' };
const town01Wall: Principal = { role: 'wall_operator', orgUnitCode: '431099001' };
const village: Principal = { role: 'village_director', orgUnitCode: '431099001001' };
const admin: Principal = { role: 'admin', orgUnitCode: '431099' };
const dept: Principal = { role: 'department_officer', orgUnitCode: '431099', departmentCode: 'dept:zhujian' };

const own = { cameraOrgUnitCode: '431099001002', steerable: true, loan: null };
const neighbours = { cameraOrgUnitCode: '431099002001', steerable: true, loan: null };

describe('steerVerdict', () => {
  it('lets the county steer every PTZ camera, a township only those in its own area', () => {
    expect(steerVerdict(county, neighbours)).toBe('ok');
    expect(steerVerdict(countyWall, own)).toBe('ok');
    expect(steerVerdict(town01, own)).toBe('ok');
    expect(steerVerdict(town01Wall, own)).toBe('ok');
    expect(steerVerdict(town01, neighbours)).toBe('ptz_not_permitted');
    expect(steerVerdict(town01Wall, neighbours)).toBe('ptz_not_permitted');
  });

  it('keeps a village to its own village', () => {
    expect(steerVerdict(village, { ...own, cameraOrgUnitCode: '431099001001005' })).toBe('ok');
    expect(steerVerdict(village, own)).toBe('ptz_not_permitted');
  });

  it('lets a loaned camera be steered only when the loan says so', () => {
    expect(steerVerdict(town01, { ...neighbours, loan: { maySteer: false } })).toBe('ptz_not_permitted');
    expect(steerVerdict(town01, { ...neighbours, loan: { maySteer: true } })).toBe('ok');
  });

  it('refuses roles that run no wall, whatever the camera', () => {
    expect(steerVerdict(admin, own)).toBe('ptz_not_permitted');
    expect(steerVerdict(dept, own)).toBe('ptz_not_permitted');
  });

  it('says a fixed camera cannot be steered only to those who could steer it', () => {
    expect(steerVerdict(town01, { ...own, steerable: false })).toBe('ptz_not_supported');
    expect(steerVerdict(town01, { ...neighbours, steerable: false })).toBe('ptz_not_permitted');
  });
});

describe('PtzLocks', () => {
  const zhang = { id: 'u1', displayName: '张三' };
  const li = { id: 'u2', displayName: '李四' };

  it('holds a camera for one operator and names the holder to the next', () => {
    const locks = new PtzLocks(60_000);
    expect(locks.acquire('cam', zhang, 1000)).toEqual({
      ok: true,
      holder: { userId: 'u1', displayName: '张三', expiresAt: 61_000 },
    });
    expect(locks.acquire('cam', li, 2000)).toEqual({
      ok: false,
      holder: { userId: 'u1', displayName: '张三', expiresAt: 61_000 },
    });
    expect(locks.acquire('other-cam', li, 2000).ok).toBe(true); // one lock per camera
  });

  it('renews on each command of the holder and lapses 60 s after the last one', () => {
    const locks = new PtzLocks(60_000);
    locks.acquire('cam', zhang, 0);
    expect(locks.acquire('cam', zhang, 50_000)).toMatchObject({ ok: true, holder: { expiresAt: 110_000 } });
    expect(locks.acquire('cam', li, 109_999).ok).toBe(false);
    expect(locks.holder('cam', 110_000)).toBeNull();
    expect(locks.acquire('cam', li, 110_000)).toMatchObject({ ok: true, holder: { displayName: '李四' } });
  });

  it('is released only by its holder', () => {
    const locks = new PtzLocks(60_000);
    locks.acquire('cam', zhang, 0);
    expect(locks.release('cam', 'u2', 1)).toBe(false);
    expect(locks.holder('cam', 1)?.userId).toBe('u1');
    expect(locks.release('cam', 'u1', 1)).toBe(true);
    expect(locks.acquire('cam', li, 2).ok).toBe(true);
  });
});
