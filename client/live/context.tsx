import { createContext, type ParentProps, useContext } from 'solid-js';
import type { Wall } from './createWall';

const WallContext = createContext<Wall>();

export function WallProvider(props: ParentProps<{ wall: Wall }>) {
  return <WallContext.Provider value={props.wall}>{props.children}</WallContext.Provider>;
}

export function useWall(): Wall {
  const wall = useContext(WallContext);
  if (!wall) throw new Error('useWall() needs a <WallProvider> above it');
  return wall;
}
