import { BackupPanel } from '@/components/BackupPanel';
import { CsvExport } from '@/components/CsvExport';
import { Dashboard } from '@/components/Dashboard';
import { OrderManager } from '@/components/OrderManager';
import { SettingsForm } from '@/components/SettingsForm';
import { TemplateManager } from '@/components/TemplateManager';

export function App() {
  return (
    <div className="page">
      <header className="page-header">
        <h1>GigSaathi</h1>
        <p className="muted">Your templates, orders and settings. Everything stays in this browser.</p>
      </header>
      <main>
        <Dashboard full />
        <TemplateManager />
        <OrderManager />
        <CsvExport />
        <SettingsForm />
        <BackupPanel />
      </main>
    </div>
  );
}
