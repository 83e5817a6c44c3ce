import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEPLOYMENTS_ROOT, DeploymentError, deploymentDir, loadDeployment } from './loadDeployment';

const shipped = (name: string) => path.join(DEPLOYMENTS_ROOT, name);
const dirs: string[] = [];

/** A copy of a shipped deployment with one file changed. */
function copyWith(name: string, file: string, change: (json: Record<string, unknown>) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'deployment-'));
  dirs.push(dir);
  cpSync(shipped(name), dir, { recursive: true });
  const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  change(json);
  writeFileSync(path.join(dir, file), JSON.stringify(json));
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadDeployment', () => {
  it('reads the default deployment: 21 districts, their boundaries, the Project 06 catalogue', () => {
    const { deployment, boundariesPath } = loadDeployment(deploymentDir({}));
    expect(deployment.id).toBe('nghe-an-2024');
    expect(deployment.regions.units).toHaveLength(21);
    expect(deployment.indicators.map((i) => i.id)).toContain('online-record-rate');
    expect(boundariesPath).toMatch(/boundaries\.geojson$/);
    expect(deployment.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it('prefers DEPLOYMENT_DIR to DEPLOYMENT, and refuses a DEPLOYMENT that is not a folder name', () => {
    expect(deploymentDir({ DEPLOYMENT: 'x', DEPLOYMENT_DIR: '/tmp/y' })).toBe('/tmp/y');
    expect(() => deploymentDir({ DEPLOYMENT: '../etc' })).toThrow(DeploymentError);
  });

  it('names the file, the path inside it and the reason of a bad value', () => {
    const dir = copyWith('nghe-an-2024', 'indicators.json', (json) => {
      (json.indicators as Record<string, unknown>[])[3] = {
        ...(json.indicators as Record<string, unknown>[])[3],
        decimals: -1,
      };
    });
    const error = (() => {
      try {
        loadDeployment(dir);
      } catch (e) {
        return e;
      }
    })() as DeploymentError;
    expect(error).toBeInstanceOf(DeploymentError);
    expect(error.file).toBe(path.join(dir, 'indicators.json'));
    expect(error.where).toBe('.indicators[3].decimals');
    expect(error.message).toMatch(/indicators\.json at \.indicators\[3\]\.decimals: .*>=0/);
  });

  it('refuses a missing file, a file that is not JSON, and a board naming a unit the set does not have', () => {
    const noDrawing = copyWith('nghe-an-2024', 'deployment.json', () => {});
    rmSync(path.join(noDrawing, 'drawing.json'));
    expect(() => loadDeployment(noDrawing)).toThrow(/drawing\.json: missing/);

    const broken = copyWith('nghe-an-2024', 'deployment.json', () => {});
    writeFileSync(path.join(broken, 'regions.json'), '{ "id": ');
    expect(() => loadDeployment(broken)).toThrow(/regions\.json: not JSON/);

    const stranger = copyWith('nghe-an-2024', 'board.json', (json) => {
      (json.tasks as { lead: string }[])[0] = { ...(json.tasks as { lead: string }[])[0], lead: '999' } as never;
    });
    expect(() => loadDeployment(stranger)).toThrow(/board\.json at \.tasks\[0\]\.lead: not a unit of regions\.json/);
  });

  it('refuses a derived rate whose inputs are not counts of the catalogue, and a unit the boundaries lack', () => {
    const rate = copyWith('nghe-an-2024', 'indicators.json', (json) => {
      const list = json.indicators as { id: string; derived?: { num: string } }[];
      const derived = list.find((i) => i.derived);
      if (derived?.derived) derived.derived.num = 'no-such-count';
    });
    expect(() => loadDeployment(rate)).toThrow(/indicators\.json at \.indicators\[\d+\]\.derived: no-such-count/);

    const unit = copyWith('nghe-an-2024', 'regions.json', (json) => {
      (json.units as { code: string }[])[0] = { ...(json.units as { code: string }[])[0], code: '999' };
    });
    expect(() => loadDeployment(unit)).toThrow(
      /boundaries\.geojson at \.features: no feature with properties\.code 999/,
    );
  });

  it('keeps the region set hash through a renamed unit, and changes it with a new one', () => {
    const base = loadDeployment(shipped('nghe-an-2024')).deployment;
    const renamed = copyWith('nghe-an-2024', 'regions.json', (json) => {
      (json.units as { name: string }[])[0] = { ...(json.units as { name: string }[])[0], name: 'Vinh mới' };
    });
    const next = loadDeployment(renamed).deployment;
    expect(next.regionSetHash).toBe(base.regionSetHash);
    expect(next.version).not.toBe(base.version);
  });
});
