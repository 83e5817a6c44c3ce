import { z } from 'zod';

/**
 * `simulation.json` (optional): the figures the simulator spreads over a deployment's units where the seed
 * article's Nghe An figures would not fit, such as a whole country's identity figures. The simulator reads it on
 * the server only; screens still say the figures are simulated.
 */
export const SimulationFiguresSchema = z
  .object({
    provenance: z.string().min(1),
    chipCitizenIdCardsIssued: z.number().int().positive(),
    electronicIdAccounts: z
      .object({ collected: z.number().int().positive(), activated: z.number().int().positive() })
      .refine((e) => e.activated <= e.collected, 'activated exceeds collected'),
  })
  .strict();
export type SimulationFigures = z.infer<typeof SimulationFiguresSchema>;

export const SIMULATION_FILE = 'simulation.json';
