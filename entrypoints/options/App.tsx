import { BackupPanel } from '@/components/BackupPanel';
import { CsvExport } from '@/components/CsvExport';
import { Dashboard } from '@/components/Dashboard';
import { OrderManager } from '@/components/OrderManager';
import { SettingsForm } from '@/components/SettingsForm';
import { TemplateManager } from '@/components/TemplateManager';
import { useT } from '@/components/i18n';

export function App() {
  const tr = useT();
  return (
    <div className="page">
      <header className="page-header">
        <h1>{tr.t('app.name')}</h1>
        <p className="muted">{tr.t('options.tagline')}</p>
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
