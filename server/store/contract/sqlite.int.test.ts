import { openMemoryStore } from '../sqlite/store';
import { storeContract } from './storeContract';

storeContract('SQLite', async () => openMemoryStore());
