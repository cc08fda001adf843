// The command registry. Adding a command: write commands/<name>.ts exporting a Command (or
// several), and list it here; the parser, help and exit-code mapping pick it up.

import type { Command } from '../command';
import { auditCommand, diffCommand, snapshotCommand } from './audit';
import { deactivateCommand, reactivateCommand, resumeCommand } from './deactivate';
import { discoverCommand } from './discover';
import { exportCommand } from './export';
import { findCommand } from './find';
import { getCommand } from './get';
import { groupsList, usersList } from './list';
import { patchCommand } from './patch';
import { PROFILES_COMMANDS } from './profiles';
import { sandboxCommand } from './sandbox';
import { serveCommand } from './serve';

export const COMMANDS: readonly Command[] = [
  discoverCommand,
  usersList,
  groupsList,
  getCommand,
  findCommand,
  ...PROFILES_COMMANDS,
  sandboxCommand,
  serveCommand,
  snapshotCommand,
  auditCommand,
  diffCommand,
  exportCommand,
  deactivateCommand,
  resumeCommand,
  reactivateCommand,
  patchCommand,
];
