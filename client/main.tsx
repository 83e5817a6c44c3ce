import { render } from 'solid-js/web';
import { App } from './App';
import { loadDeployment } from './live/loadDeployment';
import './styles/global.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Every view reads the deployment's units and catalogue: render once they are in.
void loadDeployment().then(() => render(() => <App />, root));
