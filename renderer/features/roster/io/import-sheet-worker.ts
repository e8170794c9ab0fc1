// The import's reading and checking, off the window's thread (import-sheet-work.ts).
import { loadThaiGeography } from '../../../../shared/geography/thai-geography';
import { answerInWorker } from '../../../app/worker-calls';
import { importSheetWork } from './import-sheet-work';

answerInWorker(importSheetWork(loadThaiGeography));
