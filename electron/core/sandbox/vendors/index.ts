// The vendor profiles by name; rules live one file per vendor next to this one.

import type { VendorName, VendorProfile } from '../types';
import { entra } from './entra';
import { lettermint } from './lettermint';
import { mindtickle } from './mindtickle';
import { mittr } from './mittr';
import { omission } from './omission';
import { rfc } from './rfc';

export const VENDORS: Record<VendorName, VendorProfile> = { rfc, mindtickle, lettermint, mittr, entra, omission };
