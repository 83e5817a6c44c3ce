import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  DEPLOYMENT_FILES,
  type Deployment,
  SIMULATION_FILE,
  type SimulationFigures,
  SimulationFiguresSchema,
} from '../../shared/deployment';
import type { RegionSetData } from '../../shared/regions';

/** The shipped deployments, one folder each. */
export const DEPLOYMENTS_ROOT = path.resolve(import.meta.dirname, '../../deployments');
export const DEFAULT_DEPLOYMENT = 'nghe-an-2024';

/** A deployment file that cannot be used: which file, where in it, and why. The server stops on it. */
export class DeploymentError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    readonly reason: string,
  ) {
    super(`deployment file ${file}${where ? ` at ${where}` : ''}: ${reason}`);
  }
}

export interface LoadedDeployment {
  dir: string;
  /** The whole deployment, sub-units included: what the server runs. */
  deployment: Deployment;
  /** What `GET /api/v1/deployment` serves: the same without the sub-units, which a unit's page fetches apart. */
  forScreens: Deployment;
  /** The boundaries file a map draws, when the deployment draws boundaries. */
  boundariesPath: string | null;
  /** The figures the simulator spreads over the units, when the deployment has its own (`simulation.json`). */
  simulation?: SimulationFigures;
}

/** The folder `DEPLOYMENT_DIR` names, else the shipped `DEPLOYMENT`, else the default deployment. */
export function deploymentDir(env: { DEPLOYMENT?: string; DEPLOYMENT_DIR?: string }): string {
  if (env.DEPLOYMENT_DIR) return path.resolve(env.DEPLOYMENT_DIR);
  const name = env.DEPLOYMENT || DEFAULT_DEPLOYMENT;
  if (!/^[a-z0-9-]+$/.test(name)) throw new DeploymentError(name, '', 'DEPLOYMENT must name a folder of deployments/');
  return path.join(DEPLOYMENTS_ROOT, name);
}

const pathText = (segments: readonly PropertyKey[]) =>
  segments.map((s) => (typeof s === 'number' ? `[${s}]` : `.${String(s)}`)).join('') || '(top)';

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DeploymentError(file, '', (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : String(error));
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DeploymentError(file, '', `not JSON: ${(error as Error).message}`);
  }
}

function parseFile<S extends z.ZodType>(dir: string, name: string, schema: S): z.infer<S> {
  const file = path.join(dir, name);
  const result = schema.safeParse(readJson(file));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new DeploymentError(file, pathText(issue?.path ?? []), issue?.message ?? 'invalid');
  }
  return result.data;
}

const hash = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

/**
 * The identity of a region set for stored history: its units' codes. Renaming a unit keeps it; adding, removing
 * or recoding one changes it, and the server refuses to run it on a data directory kept under another.
 */
export function regionSetHash(regions: RegionSetData): string {
  const codes = [...regions.units, ...regions.departments.units, ...(regions.subunits ?? [])].map((u) => u.code);
  return `${regions.id}:${hash(codes.sort())}`;
}

/** Reads and checks every file of a deployment folder; throws a `DeploymentError` on the first bad one. */
export function loadDeployment(dir: string): LoadedDeployment {
  const f = DEPLOYMENT_FILES;
  const manifest = parseFile(dir, f.manifest.file, f.manifest.schema);
  const regions = parseFile(dir, f.regions.file, f.regions.schema);
  const drawing = parseFile(dir, f.drawing.file, f.drawing.schema);
  const catalogue = parseFile(dir, f.catalogue.file, f.catalogue.schema);
  const board = parseFile(dir, f.board.file, f.board.schema);
  const serviceIndexPeriods = parseFile(dir, f.serviceIndexPeriods.file, f.serviceIndexPeriods.schema);
  let boundariesPath: string | null = null;
  if (drawing.kind === 'boundaries') {
    boundariesPath = path.join(dir, drawing.file);
    checkBoundaries(boundariesPath, regions);
  } else {
    const placed = new Set(drawing.groups.map((g) => g.group));
    const missing = regions.units.findIndex((u) => u.group === undefined || !placed.has(u.group));
    if (missing >= 0) {
      throw new DeploymentError(
        path.join(dir, f.regions.file),
        `.units[${missing}].group`,
        'no tile block in drawing.json for this unit',
      );
    }
  }
  const codes = new Set([...regions.units, ...regions.departments.units].map((u) => u.code));
  const unknownUnit = (list: readonly { unit?: string; lead?: string }[], key: 'unit' | 'lead') =>
    list.findIndex((x) => !codes.has(x[key] ?? ''));
  const badTask = unknownUnit(board.tasks, 'lead');
  if (badTask >= 0)
    throw new DeploymentError(path.join(dir, f.board.file), `.tasks[${badTask}].lead`, 'not a unit of regions.json');
  const badModel = unknownUnit(board.pilotModels, 'unit');
  if (badModel >= 0) {
    throw new DeploymentError(
      path.join(dir, f.board.file),
      `.pilotModels[${badModel}].unit`,
      'not a unit of regions.json',
    );
  }
  const content = { name: manifest.name, provenance: manifest.provenance, labels: manifest.labels, regions, drawing };
  const served = { ...content, indicators: catalogue.indicators, board, serviceIndexPeriods };
  const subunitCounts: Record<string, number> = {};
  for (const s of regions.subunits ?? []) subunitCounts[s.parent] = (subunitCounts[s.parent] ?? 0) + 1;
  const deployment: Deployment = {
    id: manifest.id,
    version: hash(served),
    regionSetHash: regionSetHash(regions),
    ...served,
    subunitCounts,
  };
  const { subunits: _listedApart, ...screenRegions } = regions;
  const simulation = existsSync(path.join(dir, SIMULATION_FILE))
    ? parseFile(dir, SIMULATION_FILE, SimulationFiguresSchema)
    : undefined;
  return { dir, deployment, forScreens: { ...deployment, regions: screenRegions }, boundariesPath, simulation };
}

/** Every local unit needs a shape, or the map would leave a hole. */
function checkBoundaries(file: string, regions: RegionSetData): void {
  const geo = readJson(file) as { features?: { properties?: { code?: unknown } }[] };
  if (!Array.isArray(geo.features)) throw new DeploymentError(file, '.features', 'not a GeoJSON FeatureCollection');
  const drawn = new Set(geo.features.map((feature) => feature.properties?.code));
  const missing = regions.units.find((u) => !drawn.has(u.code));
  if (missing)
    throw new DeploymentError(file, '.features', `no feature with properties.code ${missing.code} (${missing.name})`);
}
