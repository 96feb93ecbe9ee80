<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>AgreementView</name>
    <message>
        <source>Count unfinished documents too</source>
        <translation>Contar también los documentos no terminados</translation>
    </message>
    <message>
        <source>By default only documents every compared coder marked finished are counted.</source>
        <translation>De forma predeterminada solo se cuentan los documentos que todos los codificadores comparados marcaron como terminados.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>Caracteres</translation>
    </message>
    <message>
        <source>Agreement %</source>
        <translation>% de acuerdo</translation>
    </message>
    <message>
        <source>Kappa</source>
        <translation>Kappa</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alfa</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Coded by</source>
        <translation>Codificado por</translation>
    </message>
    <message>
        <source>Not coded by</source>
        <translation>No codificado por</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Coders (two or more)</source>
        <translation>Codificadores (dos o más)</translation>
    </message>
    <message>
        <source>Codes (none ticked: every code used)</source>
        <translation>Códigos (ninguno marcado: todos los códigos usados)</translation>
    </message>
    <message>
        <source>Tick two or more coders to compare.</source>
        <translation>Marque dos o más codificadores para compararlos.</translation>
    </message>
    <message>
        <source>No documents they coded yet. Mark documents finished in the document list, or count unfinished documents too.</source>
        <translation>Aún no hay documentos que hayan codificado. Marque documentos como terminados en la lista de documentos, o cuente también los documentos no terminados.</translation>
    </message>
    <message>
        <source>No documents all of them marked finished yet. Mark documents finished in the document list, or count unfinished documents too.</source>
        <translation>Aún no hay documentos que todos hayan marcado como terminados. Marque documentos como terminados en la lista de documentos, o cuente también los documentos no terminados.</translation>
    </message>
    <message>
        <source>Each character counts as coded or not coded by each coder; kappa is shown for two coders, alpha for any number.</source>
        <translation>Cada carácter cuenta como codificado o no codificado por cada codificador; kappa se muestra para dos codificadores, alfa para cualquier número.</translation>
    </message>
    <message>
        <source>1 document they coded.</source>
        <translation>1 documento que codificaron.</translation>
    </message>
    <message>
        <source>{count} documents they coded.</source>
        <translation>{count} documentos que codificaron.</translation>
    </message>
    <message>
        <source>1 document all of them marked finished.</source>
        <translation>1 documento que todos marcaron como terminado.</translation>
    </message>
    <message>
        <source>{count} documents all of them marked finished.</source>
        <translation>{count} documentos que todos marcaron como terminados.</translation>
    </message>
    <message>
        <source>All compared codes (pooled)</source>
        <translation>Todos los códigos comparados (en conjunto)</translation>
    </message>
</context>
<context>
    <name>AutocodeDialog</name>
    <message>
        <source>Only the match</source>
        <translation>Solo la coincidencia</translation>
    </message>
    <message>
        <source>The sentence around each match</source>
        <translation>La oración que rodea cada coincidencia</translation>
    </message>
    <message>
        <source>The paragraph around each match</source>
        <translation>El párrafo que rodea cada coincidencia</translation>
    </message>
    <message>
        <source>Code all matches</source>
        <translation>Codificar todas las coincidencias</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Distinguir mayúsculas</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <source>Press Preview to see every passage that would be coded.</source>
        <translation>Pulse Vista previa para ver todos los pasajes que se codificarían.</translation>
    </message>
    <message>
        <source>Tick all</source>
        <translation>Marcar todos</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>Desmarcar todos</translation>
    </message>
    <message>
        <source>Passages to code</source>
        <translation>Pasajes que codificar</translation>
    </message>
    <message>
        <source>Code with:</source>
        <translation>Codificar con:</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Buscar:</translation>
    </message>
    <message>
        <source>Passage to code:</source>
        <translation>Pasaje que codificar:</translation>
    </message>
    <message>
        <source>The search changed: press Preview again.</source>
        <translation>La búsqueda cambió: pulse de nuevo Vista previa.</translation>
    </message>
    <message>
        <source>Type what to find first.</source>
        <translation>Escriba primero lo que quiere buscar.</translation>
    </message>
    <message>
        <source>Code 1 passage</source>
        <translation>Codificar 1 pasaje</translation>
    </message>
    <message>
        <source>Code {count} passages</source>
        <translation>Codificar {count} pasajes</translation>
    </message>
    <message>
        <source>No matches: nothing to code.</source>
        <translation>Sin coincidencias: no hay nada que codificar.</translation>
    </message>
    <message>
        <source>{ticked} of {total} passages ticked; {coded} already coded by you.</source>
        <translation>{ticked} de {total} pasajes marcados; {coded} ya codificados por usted.</translation>
    </message>
    <message>
        <source>{ticked} of {total} passages ticked.</source>
        <translation>{ticked} de {total} pasajes marcados.</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <source>It stopped on an unexpected problem, described in the error report.</source>
        <translation>Se detuvo por un problema inesperado, descrito en el informe de error.</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <source>Bar chart</source>
        <translation>Gráfico de barras</translation>
    </message>
</context>
<context>
    <name>CareResponses</name>
    <message>
        <source>Latest backup</source>
        <translation>Última copia de seguridad</translation>
    </message>
    <message>
        <source>“{name}” is damaged ({detail}). Keep working only to save what you need: File › Save a Copy…, or go back to a backup with File › Restore from Backup….</source>
        <translation>«{name}» está dañado ({detail}). Siga trabajando solo para salvar lo que necesite: Archivo › Guardar una copia…, o vuelva a una copia de seguridad con Archivo › Restaurar desde una copia de seguridad….</translation>
    </message>
    <message>
        <source>The check found {count} problem with the stored evidence, e.g. {problem}. Run “annotator check” on the project for all of them.</source>
        <translation>La comprobación encontró {count} problema en las pruebas guardadas, por ejemplo: {problem}. Ejecute «annotator check» sobre el proyecto para verlos todos.</translation>
    </message>
    <message>
        <source>The check found {count} problems with the stored evidence, e.g. {problem}. Run “annotator check” on the project for all of them.</source>
        <translation>La comprobación encontró {count} problemas en las pruebas guardadas, por ejemplo: {problem}. Ejecute «annotator check» sobre el proyecto para verlos todos.</translation>
    </message>
    <message>
        <source>Some stored values are not of their type ({parts}). Repair… turns text stored as bytes back into text, after a backup.</source>
        <translation>Algunos valores guardados no son de su tipo ({parts}). Reparar… vuelve a convertir en texto el texto guardado como bytes, tras hacer una copia de seguridad.</translation>
    </message>
    <message>
        <source>The project is not as Annotator writes it: {parts}. Repair… takes a backup, removes what Annotator never writes and restores what is missing.</source>
        <translation>El proyecto no está como lo escribe Annotator: {parts}. Reparar… hace una copia de seguridad, quita lo que Annotator nunca escribe y restaura lo que falta.</translation>
    </message>
    <message>
        <source>Updated with changes made in another window.</source>
        <translation>Actualizado con cambios hechos en otra ventana.</translation>
    </message>
    <message>
        <source>Backed up {time}</source>
        <translation>Copia de seguridad {time}</translation>
    </message>
    <message>
        <source>Latest automatic backup:
{path}</source>
        <translation>Última copia de seguridad automática:
{path}</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Falló la copia de seguridad</translation>
    </message>
    <message>
        <source>Automatic backup failed: {reason}</source>
        <translation>Falló la copia de seguridad automática: {reason}</translation>
    </message>
</context>
<context>
    <name>CellExcerpts</name>
    <message>
        <source>Click a cell to list its excerpts here.</source>
        <translation>Haga clic en una celda para ver aquí sus extractos.</translation>
    </message>
    <message>
        <source>Excerpts of the cell</source>
        <translation>Extractos de la celda</translation>
    </message>
    <message>
        <source>Show in Excerpts</source>
        <translation>Mostrar en Extractos</translation>
    </message>
    <message>
        <source>{title}: 1 excerpt</source>
        <translation>{title}: 1 extracto</translation>
    </message>
    <message>
        <source>{title}: {count} excerpts (the first {shown} listed)</source>
        <translation>{title}: {count} extractos (se muestran los {shown} primeros)</translation>
    </message>
    <message>
        <source>{title}: {count} excerpts</source>
        <translation>{title}: {count} extractos</translation>
    </message>
</context>
<context>
    <name>ChangeCommand</name>
    <message>
        <source>Create code {name}</source>
        <translation>Crear el código {name}</translation>
    </message>
    <message>
        <source>Edit code {name}</source>
        <translation>Editar el código {name}</translation>
    </message>
    <message>
        <source>Rename code {name}</source>
        <translation>Renombrar el código {name}</translation>
    </message>
    <message>
        <source>Recolour code {name}</source>
        <translation>Cambiar el color del código {name}</translation>
    </message>
    <message>
        <source>Edit definition of code {name}</source>
        <translation>Editar la definición del código {name}</translation>
    </message>
    <message>
        <source>Set shortcut of code {name}</source>
        <translation>Asignar tecla al código {name}</translation>
    </message>
    <message>
        <source>Edit memo of code {name}</source>
        <translation>Editar el memo del código {name}</translation>
    </message>
    <message>
        <source>Move code {name}</source>
        <translation>Mover el código {name}</translation>
    </message>
    <message>
        <source>Merge code {name} into {other}</source>
        <translation>Fusionar el código {name} con {other}</translation>
    </message>
    <message>
        <source>Import codebook {name}</source>
        <translation>Importar el libro de códigos {name}</translation>
    </message>
    <message>
        <source>Code {count} passages as {name}</source>
        <translation>Codificar {count} pasajes como {name}</translation>
    </message>
    <message>
        <source>Remove {count} codings</source>
        <translation>Quitar {count} codificaciones</translation>
    </message>
    <message>
        <source>Edit coding memo</source>
        <translation>Editar el memo de la codificación</translation>
    </message>
    <message>
        <source>Recode as {name}</source>
        <translation>Recodificar como {name}</translation>
    </message>
    <message>
        <source>Edit details of {name}</source>
        <translation>Editar los datos de {name}</translation>
    </message>
    <message>
        <source>Edit memo of {name}</source>
        <translation>Editar el memo de {name}</translation>
    </message>
    <message>
        <source>Delete document {name}</source>
        <translation>Eliminar el documento {name}</translation>
    </message>
    <message>
        <source>Edit project memo</source>
        <translation>Editar el memo del proyecto</translation>
    </message>
    <message>
        <source>Add coder {name}</source>
        <translation>Añadir codificador {name}</translation>
    </message>
    <message>
        <source>Rename coder to {name}</source>
        <translation>Cambiar el nombre del codificador a {name}</translation>
    </message>
    <message>
        <source>Set coder</source>
        <translation>Elegir el codificador</translation>
    </message>
    <message>
        <source>Merge {name}</source>
        <translation>Fusionar {name}</translation>
    </message>
    <message>
        <source>Changes made in another window</source>
        <translation>Cambios hechos en otra ventana</translation>
    </message>
    <message>
        <source>Code passage as {name}</source>
        <translation>Codificar el pasaje como {name}</translation>
    </message>
    <message>
        <source>Remove coding</source>
        <translation>Quitar la codificación</translation>
    </message>
    <message>
        <source>Import {name}</source>
        <translation>Importar {name}</translation>
    </message>
    <message>
        <source>Code passage as new code {name}</source>
        <translation>Codificar el pasaje con el nuevo código {name}</translation>
    </message>
    <message>
        <source>Remove coding {code}</source>
        <translation>Quitar la codificación {code}</translation>
    </message>
    <message>
        <source>Delete code {name}</source>
        <translation>Eliminar el código {name}</translation>
    </message>
    <message>
        <source>Mark document finished</source>
        <translation>Marcar el documento como terminado</translation>
    </message>
    <message>
        <source>Mark document not finished</source>
        <translation>Marcar el documento como no terminado</translation>
    </message>
    <message>
        <source>Import {count} documents</source>
        <translation>Importar {count} documentos</translation>
    </message>
    <message>
        <source>Auto-code {count} passages as {name}</source>
        <translation>Codificar automáticamente {count} pasajes como {name}</translation>
    </message>
</context>
<context>
    <name>CodeLooks</name>
    <message>
        <source>unknown coder</source>
        <translation>codificador desconocido</translation>
    </message>
</context>
<context>
    <name>CodeShortcuts</name>
    <message>
        <source>Code selection as {code}</source>
        <translation>Codificar la selección como {code}</translation>
    </message>
</context>
<context>
    <name>CodebookFile</name>
    <message>
        <source>There is no such file.</source>
        <translation>No existe ese archivo.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>El archivo no se puede leer.</translation>
    </message>
    <message>
        <source>The file is too large for a codebook (over {limit:.0f} MB).</source>
        <translation>El archivo es demasiado grande para un libro de códigos (más de {limit:.0f} MB).</translation>
    </message>
    <message>
        <source>This is not a text file; a codebook is read from a CSV file.</source>
        <translation>No es un archivo de texto; un libro de códigos se lee de un archivo CSV.</translation>
    </message>
    <message>
        <source>This is not valid UTF-16 text.</source>
        <translation>No es texto UTF-16 válido.</translation>
    </message>
    <message>
        <source>This is not a readable CSV file.</source>
        <translation>No es un archivo CSV legible.</translation>
    </message>
    <message>
        <source>It has more than one of the columns {value}; keep one.</source>
        <translation>Tiene más de una de las columnas {value}; deje solo una.</translation>
    </message>
    <message>
        <source>It has no “tag”, “name” or “path” column for the code paths.</source>
        <translation>No tiene ninguna columna «tag», «name» o «path» para las rutas de los códigos.</translation>
    </message>
    <message>
        <source>A code path is empty.</source>
        <translation>Una ruta de código está vacía.</translation>
    </message>
    <message>
        <source>The code path “{code}” has an empty level.</source>
        <translation>La ruta de código «{code}» tiene un nivel vacío.</translation>
    </message>
    <message>
        <source>The code name “{code}…” is longer than {count} characters.</source>
        <translation>El nombre de código «{code}…» tiene más de {count} caracteres.</translation>
    </message>
    <message>
        <source>The colour “{value}” is not written as #RRGGBB.</source>
        <translation>El color «{value}» no está escrito como #RRGGBB.</translation>
    </message>
    <message>
        <source>The code “{code}” is listed twice (first on line {count}).</source>
        <translation>El código «{code}» aparece dos veces (la primera en la línea {count}).</translation>
    </message>
    <message>
        <source>The code “{code}” cannot be added: the name “{value}” is already used by “{other}”, and code names are unique.</source>
        <translation>El código «{code}» no se puede añadir: el nombre «{value}» ya lo usa «{other}», y los nombres de código son únicos.</translation>
    </message>
    <message>
        <source>It holds no codes.</source>
        <translation>No contiene ningún código.</translation>
    </message>
    <message>
        <source>“{name}”, line {line}:</source>
        <translation>«{name}», línea {line}:</translation>
    </message>
    <message>
        <source>“{name}”:</source>
        <translation>«{name}»:</translation>
    </message>
    <message>
        <source>Details: {detail}</source>
        <translation>Detalles: {detail}</translation>
    </message>
    <message>
        <source>The codebook was not changed.</source>
        <translation>El libro de códigos no se ha modificado.</translation>
    </message>
</context>
<context>
    <name>CodebookModel</name>
    <message>
        <source>Code (drag to nest or reorder)</source>
        <translation>Código (arrastre para anidar o reordenar)</translation>
    </message>
    <message>
        <source>Key that codes the selected text</source>
        <translation>Tecla que codifica el texto seleccionado</translation>
    </message>
    <message>
        <source>Number of codings (all coders)</source>
        <translation>Número de codificaciones (todos los codificadores)</translation>
    </message>
    <message>
        <source>Show this code&apos;s highlights</source>
        <translation>Mostrar los resaltados de este código</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tecla</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Ver</translation>
    </message>
    <message numerus="yes">
        <source>{name}, %n codings</source>
        <translation>
            <numerusform>{name}, %n codificación</numerusform>
            <numerusform>{name}, %n codificaciones</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;i&gt;No definition yet (Codes › Edit definition…)&lt;/i&gt;</source>
        <translation>&lt;i&gt;Aún sin definición (Códigos › Editar la definición…)&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;i&gt;Memo:&lt;/i&gt; {memo}</source>
        <translation>&lt;i&gt;Memo:&lt;/i&gt; {memo}</translation>
    </message>
    <message>
        <source>Key: {key}</source>
        <translation>Tecla: {key}</translation>
    </message>
</context>
<context>
    <name>CodebookPanel</name>
    <message>
        <source>Name of the new code under “{path}”:</source>
        <translation>Nombre del nuevo código bajo «{path}»:</translation>
    </message>
    <message>
        <source>Name of the new code:</source>
        <translation>Nombre del nuevo código:</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>Nuevo código</translation>
    </message>
    <message>
        <source>Colour of “{name}”</source>
        <translation>Color de «{name}»</translation>
    </message>
    <message>
        <source>Definition of “{name}”</source>
        <translation>Definición de «{name}»</translation>
    </message>
    <message>
        <source>What counts as this code, what does not, and an example:</source>
        <translation>Qué cuenta como este código, qué no, y un ejemplo:</translation>
    </message>
    <message>
        <source>Memo on “{name}”</source>
        <translation>Memo sobre «{name}»</translation>
    </message>
    <message>
        <source>Notes on this code:</source>
        <translation>Notas sobre este código:</translation>
    </message>
    <message>
        <source>Merge “{name}” into…</source>
        <translation>Fusionar «{name}» con…</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>Libro de códigos</translation>
    </message>
    <message>
        <source>&amp;New code…</source>
        <translation>&amp;Nuevo código…</translation>
    </message>
    <message>
        <source>New &amp;sub-code…</source>
        <translation>Nuevo &amp;subcódigo…</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Renombrar</translation>
    </message>
    <message>
        <source>Change &amp;colour…</source>
        <translation>Cambiar el &amp;color…</translation>
    </message>
    <message>
        <source>Edit &amp;definition…</source>
        <translation>Editar la &amp;definición…</translation>
    </message>
    <message>
        <source>Set &amp;key…</source>
        <translation>Asignar &amp;tecla…</translation>
    </message>
    <message>
        <source>Code &amp;memo…</source>
        <translation>&amp;Memo del código…</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>S&amp;ubir</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Ba&amp;jar</translation>
    </message>
    <message>
        <source>Move &amp;out of parent</source>
        <translation>Sacar &amp;fuera del código padre</translation>
    </message>
    <message>
        <source>Move i&amp;nto the code above</source>
        <translation>Meter en el código de &amp;arriba</translation>
    </message>
    <message>
        <source>Mer&amp;ge into…</source>
        <translation>Fus&amp;ionar con…</translation>
    </message>
    <message>
        <source>&amp;Delete code…</source>
        <translation>&amp;Eliminar el código…</translation>
    </message>
    <message>
        <source>Show &amp;only this code</source>
        <translation>Ver so&amp;lo este código</translation>
    </message>
    <message>
        <source>Show &amp;all codes</source>
        <translation>Mostrar todos los códi&amp;gos</translation>
    </message>
</context>
<context>
    <name>CoderNameDialog</name>
    <message>
        <source>Welcome to Annotator</source>
        <translation>Le damos la bienvenida a Annotator</translation>
    </message>
    <message>
        <source>Every coding records who made it, so a team can compare and merge their work. What name should your codings carry?

You can change it later in Edit › Preferences.</source>
        <translation>Cada codificación registra quién la hizo, para que un equipo pueda comparar y fusionar su trabajo. ¿Qué nombre deben llevar sus codificaciones?

Puede cambiarlo más tarde en Editar › Preferencias.</translation>
    </message>
    <message>
        <source>Your name or initials</source>
        <translation>Su nombre o iniciales</translation>
    </message>
    <message>
        <source>Your name as coder</source>
        <translation>Su nombre como codificador</translation>
    </message>
</context>
<context>
    <name>CodingActions</name>
    <message>
        <source>Select a passage first, then choose a code.</source>
        <translation>Seleccione primero un pasaje y después elija un código.</translation>
    </message>
    <message>
        <source>Coded as {code}.</source>
        <translation>Codificado como {code}.</translation>
    </message>
    <message>
        <source>Select a passage first, then press Ctrl+K.</source>
        <translation>Seleccione primero un pasaje y después pulse Ctrl+K.</translation>
    </message>
    <message>
        <source>Select the words to use as the new code&apos;s name.</source>
        <translation>Seleccione las palabras que darán nombre al nuevo código.</translation>
    </message>
    <message>
        <source>Recode “{code}” as…</source>
        <translation>Recodificar «{code}» como…</translation>
    </message>
    <message>
        <source>Memo on coding</source>
        <translation>Memo de la codificación</translation>
    </message>
    <message>
        <source>Memo on this “{code}” coding:
“{quote}”</source>
        <translation>Memo de esta codificación «{code}»:
«{quote}»</translation>
    </message>
    <message>
        <source>Code selection as… (Ctrl+K)</source>
        <translation>Codificar la selección como… (Ctrl+K)</translation>
    </message>
    <message>
        <source>Code in vivo (Ctrl+I)</source>
        <translation>Codificar in vivo (Ctrl+I)</translation>
    </message>
    <message>
        <source>Remove this coding</source>
        <translation>Quitar esta codificación</translation>
    </message>
    <message>
        <source>Recode as…</source>
        <translation>Recodificar como…</translation>
    </message>
    <message>
        <source>Memo…</source>
        <translation>Memo…</translation>
    </message>
    <message>
        <source>Select its passage</source>
        <translation>Seleccionar su pasaje</translation>
    </message>
    <message>
        <source>Remove all {count} codings here</source>
        <translation>Quitar las {count} codificaciones de aquí</translation>
    </message>
    <message>
        <source>This project is open read-only: save a copy to code in it.</source>
        <translation>Este proyecto está abierto en solo lectura: guarde una copia para codificar en ella.</translation>
    </message>
    <message>
        <source>Set your name as coder first (Edit › Preferences).</source>
        <translation>Indique primero su nombre como codificador (Editar › Preferencias).</translation>
    </message>
</context>
<context>
    <name>CodingMargin</name>
    <message>
        <source>Coding stripes</source>
        <translation>Franjas de codificación</translation>
    </message>
</context>
<context>
    <name>CooccurrenceTab</name>
    <message>
        <source>Hide codes that overlap with none</source>
        <translation>Ocultar los códigos que no se solapan con ninguno</translation>
    </message>
    <message>
        <source>Overlapping codings per pair of codes</source>
        <translation>Codificaciones solapadas por par de códigos</translation>
    </message>
    <message>
        <source>overlaps</source>
        <translation>solapamientos</translation>
    </message>
    <message>
        <source>{code} with {other}</source>
        <translation>{code} con {other}</translation>
    </message>
</context>
<context>
    <name>DateRange</name>
    <message>
        <source>Published from:</source>
        <translation>Publicado desde:</translation>
    </message>
    <message>
        <source>Published until:</source>
        <translation>Publicado hasta:</translation>
    </message>
    <message>
        <source>A year, a month or a day: 2024, 2024-04 or 2024-04-16.</source>
        <translation>Un año, un mes o un día: 2024, 2024-04 o 2024-04-16.</translation>
    </message>
    <message>
        <source>Pick a day on a calendar</source>
        <translation>Elegir un día en un calendario</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
</context>
<context>
    <name>DeleteCodeDialog</name>
    <message>
        <source>Delete code “{name}”</source>
        <translation>Eliminar el código «{name}»</translation>
    </message>
    <message>
        <source>You can undo this with Edit › Undo.</source>
        <translation>Puede deshacerlo con Editar › Deshacer.</translation>
    </message>
    <message>
        <source>Delete the 1 coding too</source>
        <translation>Eliminar también la codificación</translation>
    </message>
    <message>
        <source>Delete the {count} codings too</source>
        <translation>Eliminar también las {count} codificaciones</translation>
    </message>
    <message>
        <source>Keep them: move them to “{parent}”</source>
        <translation>Conservarlas: moverlas a «{parent}»</translation>
    </message>
    <message>
        <source>Move them to the parent</source>
        <translation>Moverlas al código padre</translation>
    </message>
    <message>
        <source>A top-level code has no parent to take its codings.</source>
        <translation>Un código de primer nivel no tiene código padre que reciba sus codificaciones.</translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation>Eliminar el código</translation>
    </message>
    <message>
        <source>Delete “{name}”? It holds 1 coding.</source>
        <translation>¿Eliminar «{name}»? Contiene 1 codificación.</translation>
    </message>
    <message>
        <source>Delete “{name}”? It holds {codings} codings.</source>
        <translation>¿Eliminar «{name}»? Contiene {codings} codificaciones.</translation>
    </message>
    <message>
        <source>Delete “{name}” and its 1 sub-code? They hold 1 coding.</source>
        <translation>¿Eliminar «{name}» y su subcódigo? Contienen 1 codificación.</translation>
    </message>
    <message>
        <source>Delete “{name}” and its 1 sub-code? They hold {codings} codings.</source>
        <translation>¿Eliminar «{name}» y su subcódigo? Contienen {codings} codificaciones.</translation>
    </message>
    <message>
        <source>Delete “{name}” and its {sub_codes} sub-codes? They hold 1 coding.</source>
        <translation>¿Eliminar «{name}» y sus {sub_codes} subcódigos? Contienen 1 codificación.</translation>
    </message>
    <message>
        <source>Delete “{name}” and its {sub_codes} sub-codes? They hold {codings} codings.</source>
        <translation>¿Eliminar «{name}» y sus {sub_codes} subcódigos? Contienen {codings} codificaciones.</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Codings here</source>
        <translation>Codificaciones aquí</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Codings under the cursor</source>
        <translation>Codificaciones bajo el cursor</translation>
    </message>
    <message>
        <source>Memo on the chosen coding</source>
        <translation>Memo de la codificación elegida</translation>
    </message>
    <message>
        <source>Click in a highlight to see its codings.</source>
        <translation>Haga clic en un resaltado para ver sus codificaciones.</translation>
    </message>
    <message>
        <source>&amp;Memo on the chosen coding:</source>
        <translation>&amp;Memo de la codificación elegida:</translation>
    </message>
    <message>
        <source>“{quote}”</source>
        <translation>«{quote}»</translation>
    </message>
    <message>
        <source>Remove this coding</source>
        <translation>Quitar esta codificación</translation>
    </message>
    <message>
        <source>Recode as…</source>
        <translation>Recodificar como…</translation>
    </message>
    <message>
        <source>Select its passage</source>
        <translation>Seleccionar su pasaje</translation>
    </message>
    <message>
        <source>I have &amp;finished coding this document</source>
        <translation>He &amp;terminado de codificar este documento</translation>
    </message>
    <message>
        <source>Document memo</source>
        <translation>Memo del documento</translation>
    </message>
    <message>
        <source>Document &amp;memo:</source>
        <translation>&amp;Memo del documento:</translation>
    </message>
    <message>
        <source>Import record</source>
        <translation>Registro de la importación</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>&amp;Publisher:</source>
        <translation>&amp;Medio:</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>&amp;Author:</source>
        <translation>&amp;Autor:</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>&amp;Published:</source>
        <translation>&amp;Publicado:</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publicado</translation>
    </message>
    <message>
        <source>&amp;Source URL:</source>
        <translation>&amp;URL de origen:</translation>
    </message>
    <message>
        <source>Source URL</source>
        <translation>URL de origen</translation>
    </message>
    <message>
        <source>&amp;Accessed:</source>
        <translation>&amp;Consultado:</translation>
    </message>
    <message>
        <source>Accessed</source>
        <translation>Consultado</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Imported {when}</source>
        <translation>Importado {when}</translation>
    </message>
    <message>
        <source>from {file}</source>
        <comment>the line under &apos;Imported {when}&apos;</comment>
        <translation>desde {file}</translation>
    </message>
    <message>
        <source>{count} characters</source>
        <translation>{count} caracteres</translation>
    </message>
    <message>
        <source>encoding {encoding}</source>
        <translation>codificación de caracteres {encoding}</translation>
    </message>
    <message>
        <source>text SHA-256 &lt;code&gt;{sha}&lt;/code&gt;</source>
        <translation>SHA-256 del texto &lt;code&gt;{sha}&lt;/code&gt;</translation>
    </message>
    <message>
        <source>original SHA-256 &lt;code&gt;{sha}&lt;/code&gt;</source>
        <translation>SHA-256 del original &lt;code&gt;{sha}&lt;/code&gt;</translation>
    </message>
</context>
<context>
    <name>DocumentListPanel</name>
    <message>
        <source>Filter documents…</source>
        <translation>Filtrar documentos…</translation>
    </message>
    <message>
        <source>Filter documents</source>
        <translation>Filtrar documentos</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>&amp;Delete document…</source>
        <translation>&amp;Eliminar el documento…</translation>
    </message>
    <message>
        <source>Mark as not finished</source>
        <translation>Marcar como no terminado</translation>
    </message>
    <message>
        <source>Mark as finished</source>
        <translation>Marcar como terminado</translation>
    </message>
    <message numerus="yes">
        <source>Delete “{title}” and its %n codings from the project? Edit › Undo brings them back.</source>
        <translation>
            <numerusform>¿Eliminar «{title}» y su %n codificación del proyecto? Editar › Deshacer los recupera.</numerusform>
            <numerusform>¿Eliminar «{title}» y sus %n codificaciones del proyecto? Editar › Deshacer los recupera.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete document</source>
        <translation>Eliminar el documento</translation>
    </message>
</context>
<context>
    <name>DocumentTableModel</name>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Date published</source>
        <translation>Fecha de publicación</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>Number of codings (all coders)</source>
        <translation>Número de codificaciones (todos los codificadores)</translation>
    </message>
    <message>
        <source>You have finished coding this document</source>
        <translation>Ha terminado de codificar este documento</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>{codings} codings, {characters} characters</source>
        <translation>{codings} codificaciones, {characters} caracteres</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>terminado</translation>
    </message>
    <message>
        <source>not finished</source>
        <translation>no terminado</translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <source>Document text</source>
        <translation>Texto del documento</translation>
    </message>
    <message>
        <source>No document open. Choose one in the list, or import some.</source>
        <translation>No hay ningún documento abierto. Elija uno de la lista o importe algunos.</translation>
    </message>
</context>
<context>
    <name>DraftPreview</name>
    <message>
        <source>Choose or type the encoding to read the file with</source>
        <translation>Elija o escriba la codificación de caracteres con la que leer el archivo</translation>
    </message>
    <message>
        <source>Keep the whole page, not only the article</source>
        <translation>Conservar la página entera, no solo el artículo</translation>
    </message>
    <message>
        <source>Ticked lines are dropped; untick a line to keep it</source>
        <translation>Las líneas marcadas se descartan; desmarque una línea para conservarla</translation>
    </message>
    <message>
        <source>Text of the page that is not part of the article</source>
        <translation>Texto de la página que no forma parte del artículo</translation>
    </message>
    <message>
        <source>&amp;Drop the selected lines</source>
        <translation>&amp;Descartar las líneas seleccionadas</translation>
    </message>
    <message>
        <source>Select any run of lines in the text and drop it; it is listed under Clean-up, where you can restore it</source>
        <translation>Seleccione cualquier tramo de líneas del texto y descártelo; aparece en Limpieza, donde puede recuperarlo</translation>
    </message>
    <message>
        <source>Choose a file on the left to see what will be imported.</source>
        <translation>Elija un archivo a la izquierda para ver qué se importará.</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>Codificación de caracteres:</translation>
    </message>
    <message>
        <source>Details (editable later too)</source>
        <translation>Datos (también se pueden editar después)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Medio</translation>
    </message>
    <message>
        <source>Published (YYYY-MM-DD)</source>
        <translation>Publicado (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>Source URL</source>
        <translation>URL de origen</translation>
    </message>
    <message>
        <source>Accessed (YYYY-MM-DD)</source>
        <translation>Consultado (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Clean-up: what will be dropped</source>
        <translation>Limpieza: lo que se descartará</translation>
    </message>
    <message>
        <source>Left out by main-content detection:</source>
        <translation>Omitido por la detección del contenido principal:</translation>
    </message>
    <message>
        <source>Text that will be frozen</source>
        <translation>Texto que quedará fijado</translation>
    </message>
    <message>
        <source>{reason}: {text}</source>
        <translation>{reason}: {text}</translation>
    </message>
    <message numerus="yes">
        <source>%n clean-up proposal(s)</source>
        <translation>
            <numerusform>%n propuesta de limpieza</numerusform>
            <numerusform>%n propuestas de limpieza</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n characters</source>
        <translation>
            <numerusform>%n carácter</numerusform>
            <numerusform>%n caracteres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invisible control character(s) removed</source>
        <translation>
            <numerusform>%n carácter de control invisible eliminado</numerusform>
            <numerusform>%n caracteres de control invisibles eliminados</numerusform>
        </translation>
    </message>
    <message>
        <source>no article found on the page: its whole text is kept</source>
        <translation>no se encontró ningún artículo en la página: se conserva todo su texto</translation>
    </message>
    <message>
        <source>not needed for this kind of file</source>
        <translation>no hace falta para este tipo de archivo</translation>
    </message>
    <message>
        <source>detected; choose another if the text looks wrong</source>
        <translation>detectada; elija otra si el texto se ve mal</translation>
    </message>
    <message>
        <source>as declared by the file or chosen by you</source>
        <translation>la que declara el archivo o la que usted eligió</translation>
    </message>
</context>
<context>
    <name>ErrorReportDialog</name>
    <message>
        <source>Annotator: unexpected problem</source>
        <translation>Annotator: problema inesperado</translation>
    </message>
    <message>
        <source>&lt;b&gt;Something went wrong in Annotator.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Algo salió mal en Annotator.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>What you were doing may not have finished. Everything up to your last completed action is saved in the project file.

If this happens again, copy the details below and send them to whoever supports your team. They contain no text from your documents.</source>
        <translation>Puede que lo que estaba haciendo no haya terminado. Todo hasta su última acción completada está guardado en el archivo del proyecto.

Si vuelve a ocurrir, copie los detalles de abajo y envíelos a quien dé soporte a su equipo. No contienen texto de sus documentos.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copiar los detalles</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>ExcerptsModel</name>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>Extracto</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Codificador</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
</context>
<context>
    <name>ExcerptsView</name>
    <message>
        <source>Coded with any ticked code</source>
        <translation>Codificado con cualquiera de los códigos marcados</translation>
    </message>
    <message>
        <source>Coded with all ticked codes at once</source>
        <translation>Codificado con todos los códigos marcados a la vez</translation>
    </message>
    <message>
        <source>Tick one or more codes.</source>
        <translation>Marque uno o más códigos.</translation>
    </message>
    <message>
        <source>Excerpts</source>
        <translation>Extractos</translation>
    </message>
    <message>
        <source>Selected excerpt</source>
        <translation>Extracto seleccionado</translation>
    </message>
    <message>
        <source>Select an excerpt to read it here.</source>
        <translation>Seleccione un extracto para leerlo aquí.</translation>
    </message>
    <message>
        <source>Memo:</source>
        <translation>Memo:</translation>
    </message>
    <message>
        <source>{count} excerpts. Tick a second code to see where codes overlap.</source>
        <translation>{count} extractos. Marque un segundo código para ver dónde se solapan los códigos.</translation>
    </message>
    <message>
        <source>1 excerpt.</source>
        <translation>1 extracto.</translation>
    </message>
    <message>
        <source>{count:,} excerpts.</source>
        <translation>{count:,} extractos.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Word report with citations (.docx)</source>
        <translation>Informe de Word con citas (.docx)</translation>
    </message>
    <message>
        <source>Table, one row per coding (.csv)</source>
        <translation>Tabla, una fila por codificación (.csv)</translation>
    </message>
    <message>
        <source>Excel workbook, one row per coding (.xlsx)</source>
        <translation>Libro de Excel, una fila por codificación (.xlsx)</translation>
    </message>
    <message>
        <source>Codebook for Taguette and others (.csv)</source>
        <translation>Libro de códigos para Taguette y otros (.csv)</translation>
    </message>
    <message>
        <source>Codebook as a Word annex (.docx)</source>
        <translation>Libro de códigos como anexo de Word (.docx)</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>Formato de exportación</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>Archivo que escribir</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>E&amp;legir…</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Guardar como:</translation>
    </message>
    <message>
        <source>&amp;Open the file</source>
        <translation>&amp;Abrir el archivo</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <source>&amp;Cancel export</source>
        <translation>&amp;Cancelar la exportación</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>Qué exportar</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Opciones</translation>
    </message>
    <message>
        <source>by code, in codebook order</source>
        <translation>por código, en el orden del libro de códigos</translation>
    </message>
    <message>
        <source>by document, in date order</source>
        <translation>por documento, en orden de fecha</translation>
    </message>
    <message>
        <source>&amp;Group excerpts:</source>
        <translation>A&amp;grupar los extractos:</translation>
    </message>
    <message>
        <source>Include codes without excerpts</source>
        <translation>Incluir los códigos sin extractos</translation>
    </message>
    <message>
        <source>Include coding memos</source>
        <translation>Incluir los memos de las codificaciones</translation>
    </message>
    <message>
        <source>Raw values for analysis (R, pandas)</source>
        <translation>Valores sin tratar para el análisis (R, pandas)</translation>
    </message>
    <message>
        <source>Write every value exactly as stored. Without this, a cell that starts with = + - or @ gets a leading apostrophe, so a spreadsheet shows it as text and never runs it as a formula.</source>
        <translation>Escribir cada valor exactamente como está guardado. Sin esta opción, a una celda que empieza por = + - o @ se le antepone un apóstrofo, para que una hoja de cálculo la muestre como texto y nunca la ejecute como fórmula.</translation>
    </message>
    <message>
        <source>Mark the file as UTF-8 for Excel (BOM)</source>
        <translation>Marcar el archivo como UTF-8 para Excel (BOM)</translation>
    </message>
    <message>
        <source>{project} codebook</source>
        <translation>{project} libro de códigos</translation>
    </message>
    <message>
        <source>{project} excerpts</source>
        <translation>{project} extractos</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <source>Exporting to {name}…</source>
        <translation>Exportando a {name}…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <source>Export cancelled. Nothing was written.</source>
        <translation>Exportación cancelada. No se escribió nada.</translation>
    </message>
</context>
<context>
    <name>ExportWording</name>
    <message>
        <source>Coded excerpts</source>
        <translation>Extractos codificados</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>Libro de códigos</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Códigos</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Codificadores</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publicado</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Exportado</translation>
    </message>
    <message>
        <source>Grouped by</source>
        <translation>Agrupado por</translation>
    </message>
    <message>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <source>document</source>
        <translation>documento</translation>
    </message>
    <message>
        <source>all codes</source>
        <translation>todos los códigos</translation>
    </message>
    <message>
        <source>all documents</source>
        <translation>todos los documentos</translation>
    </message>
    <message>
        <source>all coders</source>
        <translation>todos los codificadores</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>cualquier fecha</translation>
    </message>
    <message>
        <source>with their sub-codes</source>
        <translation>con sus subcódigos</translation>
    </message>
    <message>
        <source>from {date}</source>
        <translation>desde {date}</translation>
    </message>
    <message>
        <source>to {date}</source>
        <translation>hasta {date}</translation>
    </message>
    <message>
        <source>{codings} excerpts from {documents} documents under {codes} codes</source>
        <translation>{codings} extractos de {documents} documentos en {codes} códigos</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>y {count} más</translation>
    </message>
    <message>
        <source>No excerpts selected for this code.</source>
        <translation>No se seleccionó ningún extracto para este código.</translation>
    </message>
    <message>
        <source>No definition yet.</source>
        <translation>Aún sin definición.</translation>
    </message>
    <message>
        <source>Coded as</source>
        <translation>Codificado como</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Ruta</translation>
    </message>
    <message>
        <source>{count} coding</source>
        <translation>{count} codificación</translation>
    </message>
    <message>
        <source>{count} codings</source>
        <translation>{count} codificaciones</translation>
    </message>
    <message>
        <source>{count} document</source>
        <translation>{count} documento</translation>
    </message>
    <message>
        <source>{count} documents</source>
        <translation>{count} documentos</translation>
    </message>
    <message>
        <source>{count} code</source>
        <translation>{count} código</translation>
    </message>
    <message>
        <source>{count} codes</source>
        <translation>{count} códigos</translation>
    </message>
    <message>
        <source>{count} cell was</source>
        <translation>{count} celda superaba</translation>
    </message>
    <message>
        <source>{count} cells were</source>
        <translation>{count} celdas superaban</translation>
    </message>
    <message>
        <source>To export: {codings} from {documents} under {codes}.</source>
        <translation>Para exportar: {codings} de {documents} en {codes}.</translation>
    </message>
    <message>
        <source>To export: {codes}.</source>
        <translation>Para exportar: {codes}.</translation>
    </message>
    <message>
        <source>Exported {what} to {path}.</source>
        <translation>Exportado a {path}: {what}.</translation>
    </message>
    <message>
        <source>{cells} longer than a spreadsheet cell holds (32,767 characters) and cut; export to CSV to keep them whole.</source>
        <translation>{cells} el límite de una celda de hoja de cálculo (32&#xa0;767 caracteres) y su texto se recortó; exporte a CSV para conservarlo completo.</translation>
    </message>
</context>
<context>
    <name>FileSafety</name>
    <message>
        <source>“{name}” is open in another window or program. Close it there, then try again. Nothing was changed.</source>
        <translation>«{name}» está abierto en otra ventana o programa. Ciérrelo allí e inténtelo de nuevo. No se cambió nada.</translation>
    </message>
    <message>
        <source>Restored the backup. The replaced file is kept as {name}.</source>
        <translation>Copia de seguridad restaurada. El archivo sustituido se conserva como {name}.</translation>
    </message>
    <message>
        <source>Restored the backup.</source>
        <translation>Copia de seguridad restaurada.</translation>
    </message>
    <message>
        <source>Encrypting “{name}”…</source>
        <translation>Cifrando «{name}»…</translation>
    </message>
    <message>
        <source>The project is encrypted.</source>
        <translation>El proyecto está cifrado.</translation>
    </message>
    <message>
        <source>Changing the passphrase of “{name}”…</source>
        <translation>Cambiando la frase de contraseña de «{name}»…</translation>
    </message>
    <message>
        <source>Passphrase changed. Backups made before now still open with the old one.</source>
        <translation>Frase de contraseña cambiada. Las copias de seguridad anteriores se siguen abriendo con la antigua.</translation>
    </message>
    <message>
        <source>Remove encryption</source>
        <translation>Quitar el cifrado</translation>
    </message>
    <message>
        <source>Remove the encryption of “{name}”? Anyone who gets the file can then read it, and its backups from now on are not encrypted either.</source>
        <translation>¿Quitar el cifrado de «{name}»? Cualquiera que obtenga el archivo podrá leerlo, y sus copias de seguridad a partir de ahora tampoco estarán cifradas.</translation>
    </message>
    <message>
        <source>Removing the encryption of “{name}”…</source>
        <translation>Quitando el cifrado de «{name}»…</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>Copies made before encrypting</source>
        <translation>Copias hechas antes de cifrar</translation>
    </message>
    <message>
        <source>{count} earlier copy of this project can still be read by anyone who gets them: automatic backups, and copies kept before an update or a restore.</source>
        <translation>Cualquiera que la obtenga puede leer todavía {count} copia anterior de este proyecto: copias de seguridad automáticas y copias guardadas antes de una actualización o una restauración.</translation>
    </message>
    <message>
        <source>{count} earlier copies of this project can still be read by anyone who gets them: automatic backups, and copies kept before an update or a restore.</source>
        <translation>Cualquiera que las obtenga puede leer todavía {count} copias anteriores de este proyecto: copias de seguridad automáticas y copias guardadas antes de una actualización o una restauración.</translation>
    </message>
    <message>
        <source>Delete them now? The encrypted project and its new backups are kept. Copies you sent or saved elsewhere are not affected.</source>
        <translation>¿Eliminarlas ahora? El proyecto cifrado y sus nuevas copias de seguridad se conservan. Las copias que haya enviado o guardado en otro lugar no se ven afectadas.</translation>
    </message>
    <message>
        <source>Delete them</source>
        <translation>Eliminarlas</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Conservarlas</translation>
    </message>
    <message>
        <source>Copies not deleted</source>
        <translation>Copias no eliminadas</translation>
    </message>
    <message>
        <source>These copies could not be deleted; delete them yourself:</source>
        <translation>No se pudieron eliminar estas copias; elimínelas usted:</translation>
    </message>
    <message>
        <source>Deleted {count} unencrypted copy.</source>
        <translation>Se eliminó {count} copia sin cifrar.</translation>
    </message>
    <message>
        <source>Deleted {count} unencrypted copies.</source>
        <translation>Se eliminaron {count} copias sin cifrar.</translation>
    </message>
</context>
<context>
    <name>Files</name>
    <message>
        <source>The file or its folder does not exist.</source>
        <translation>El archivo o su carpeta no existe.</translation>
    </message>
    <message>
        <source>You have no permission to use it.</source>
        <translation>No tiene permiso para usarlo.</translation>
    </message>
    <message>
        <source>The disk is read-only.</source>
        <translation>El disco es de solo lectura.</translation>
    </message>
    <message>
        <source>The disk is full; free some space and try again.</source>
        <translation>El disco está lleno; libere espacio e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Another program is using it; close it there and try again.</source>
        <translation>Otro programa lo está usando; ciérrelo allí e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>A folder of that name is in the way.</source>
        <translation>Hay una carpeta con ese nombre que lo impide.</translation>
    </message>
    <message>
        <source>A part of its path is a file, not a folder.</source>
        <translation>Una parte de su ruta es un archivo, no una carpeta.</translation>
    </message>
    <message>
        <source>Its name is too long.</source>
        <translation>Su nombre es demasiado largo.</translation>
    </message>
    <message>
        <source>The file or its folder cannot be opened.</source>
        <translation>El archivo o su carpeta no se puede abrir.</translation>
    </message>
    <message>
        <source>The disk or the network failed while it was being used.</source>
        <translation>El disco o la red fallaron mientras se usaba.</translation>
    </message>
    <message>
        <source>The system refused it.</source>
        <translation>El sistema lo rechazó.</translation>
    </message>
    <message>
        <source>It is a folder.</source>
        <translation>Es una carpeta.</translation>
    </message>
    <message>
        <source>It is a named pipe, not a file.</source>
        <translation>Es una tubería con nombre, no un archivo.</translation>
    </message>
    <message>
        <source>It is a device, not a file.</source>
        <translation>Es un dispositivo, no un archivo.</translation>
    </message>
    <message>
        <source>It is a socket, not a file.</source>
        <translation>Es un socket, no un archivo.</translation>
    </message>
    <message>
        <source>It is not a regular file.</source>
        <translation>No es un archivo normal.</translation>
    </message>
    <message>
        <source>It was replaced while it was being opened.</source>
        <translation>Se reemplazó mientras se abría.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in document</source>
        <translation>Buscar en el documento</translation>
    </message>
    <message>
        <source>Aa</source>
        <translation>Aa</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Distinguir mayúsculas</translation>
    </message>
    <message>
        <source>“W”</source>
        <translation>«P»</translation>
    </message>
    <message>
        <source>Whole words only</source>
        <translation>Solo palabras completas</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Expresión regular</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Coincidencia anterior (Mayús+Intro)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Coincidencia siguiente (Intro)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Cerrar la barra de búsqueda</translation>
    </message>
    <message>
        <source>Broken pattern</source>
        <translation>Patrón no válido</translation>
    </message>
    <message>
        <source>Too slow</source>
        <translation>Demasiado lento</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 coincidencia</translation>
    </message>
    <message>
        <source>{count} matches</source>
        <translation>{count} coincidencias</translation>
    </message>
    <message>
        <source>{number} of {count}</source>
        <translation>{number} de {count}</translation>
    </message>
</context>
<context>
    <name>FrequenciesTab</name>
    <message>
        <source>Count codings</source>
        <translation>Contar codificaciones</translation>
    </message>
    <message>
        <source>Count documents</source>
        <translation>Contar documentos</translation>
    </message>
    <message>
        <source>Include sub-codes</source>
        <translation>Incluir los subcódigos</translation>
    </message>
    <message>
        <source>Hide unused codes</source>
        <translation>Ocultar los códigos sin usar</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Codings</source>
        <translation>Codificaciones</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Codings with sub-codes</source>
        <translation>Codificaciones con subcódigos</translation>
    </message>
    <message>
        <source>Documents with sub-codes</source>
        <translation>Documentos con subcódigos</translation>
    </message>
    <message>
        <source>Documents per code, with sub-codes</source>
        <translation>Documentos por código, con subcódigos</translation>
    </message>
    <message>
        <source>Codings per code, with sub-codes</source>
        <translation>Codificaciones por código, con subcódigos</translation>
    </message>
    <message>
        <source>Documents per code</source>
        <translation>Documentos por código</translation>
    </message>
    <message>
        <source>Codings per code</source>
        <translation>Codificaciones por código</translation>
    </message>
</context>
<context>
    <name>GuideBrowser</name>
    <message>
        <source>User guide</source>
        <translation>Guía de uso</translation>
    </message>
</context>
<context>
    <name>GuideLinks</name>
    <message>
        <source>What is this?</source>
        <translation>¿Qué es esto?</translation>
    </message>
    <message>
        <source>Opens the user guide at the section that explains this</source>
        <translation>Abre la guía de uso en la sección que lo explica</translation>
    </message>
    <message>
        <source>{link} Opens the user guide</source>
        <translation>{link} Abre la guía de uso</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>Annotator user guide</source>
        <translation>Guía de uso de Annotator</translation>
    </message>
    <message>
        <source>← &amp;Back</source>
        <translation>← &amp;Atrás</translation>
    </message>
    <message>
        <source>&amp;Forward →</source>
        <translation>A&amp;delante →</translation>
    </message>
    <message>
        <source>&amp;Contents</source>
        <translation>&amp;Índice</translation>
    </message>
    <message>
        <source>Find in this page…</source>
        <translation>Buscar en esta página…</translation>
    </message>
    <message>
        <source>Find in this page</source>
        <translation>Buscar en esta página</translation>
    </message>
    <message>
        <source>The user guide is not installed with this copy of Annotator. It is also in the docs/guide folder of Annotator&apos;s source code.</source>
        <translation>La guía de uso no está instalada con esta copia de Annotator. También está en la carpeta docs/guide del código fuente de Annotator.</translation>
    </message>
    <message>
        <source>{page} — Annotator user guide</source>
        <translation>{page} — Guía de uso de Annotator</translation>
    </message>
</context>
<context>
    <name>HeatMap</name>
    <message>
        <source>codings</source>
        <translation>codificaciones</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>Mapa de calor</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import documents</source>
        <translation>Importar documentos</translation>
    </message>
    <message>
        <source>&amp;Clean up web-scrape junk (review it file by file)</source>
        <translation>&amp;Limpiar los restos de la página web (revíselos archivo por archivo)</translation>
    </message>
    <message>
        <source>Add &amp;files…</source>
        <translation>Añadir &amp;archivos…</translation>
    </message>
    <message>
        <source>Add f&amp;older…</source>
        <translation>Añadir una &amp;carpeta…</translation>
    </message>
    <message>
        <source>&amp;Paste text…</source>
        <translation>&amp;Pegar texto…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fuentes</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Cancelar la importación</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>Importar archivos</translation>
    </message>
    <message>
        <source>Documents ({patterns});;All files (*)</source>
        <translation>Documentos ({patterns});;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Importar una carpeta</translation>
    </message>
    <message>
        <source>Paste text</source>
        <translation>Pegar texto</translation>
    </message>
    <message>
        <source>The text to import:</source>
        <translation>El texto que importar:</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) left out (other formats, notes)</source>
        <translation>
            <numerusform>%n archivo omitido (otros formatos, notas)</numerusform>
            <numerusform>%n archivos omitidos (otros formatos, notas)</numerusform>
        </translation>
    </message>
    <message>
        <source>Pasted text</source>
        <translation>Texto pegado</translation>
    </message>
    <message>
        <source>{name} — cannot be imported</source>
        <translation>{name} — no se puede importar</translation>
    </message>
    <message>
        <source>Add files, a folder or pasted text to import.</source>
        <translation>Añada archivos, una carpeta o texto pegado para importar.</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importando…</translation>
    </message>
    <message>
        <source>Cancelling after the current file…</source>
        <translation>Cancelando después del archivo actual…</translation>
    </message>
    <message>
        <source>{done} of {total}: {imported} imported, {duplicates} duplicates, {failed} failed</source>
        <translation>{done} de {total}: importados {imported}, duplicados {duplicates}, fallidos {failed}</translation>
    </message>
    <message>
        <source>The import could not run: {reason}</source>
        <translation>No se pudo realizar la importación: {reason}</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>No se importó nada.</translation>
    </message>
    <message>
        <source>boilerplate</source>
        <translation>texto genérico de la web</translation>
    </message>
    <message>
        <source>repeated line</source>
        <translation>línea repetida</translation>
    </message>
    <message>
        <source>gallery counter</source>
        <translation>contador de galería</translation>
    </message>
    <message>
        <source>date marker (the date is kept in the details)</source>
        <translation>marca de fecha (la fecha se conserva en los datos)</translation>
    </message>
    <message>
        <source>teaser block</source>
        <translation>bloque de titulares de otros artículos</translation>
    </message>
    <message>
        <source>photo caption (untick to keep it once)</source>
        <translation>pie de foto (desmarque para conservarlo una vez)</translation>
    </message>
    <message>
        <source>photo credit</source>
        <translation>crédito de la foto</translation>
    </message>
    <message>
        <source>comment or share count</source>
        <translation>recuento de comentarios o de compartidos</translation>
    </message>
    <message>
        <source>newsletter or cookie box</source>
        <translation>recuadro de boletín o de cookies</translation>
    </message>
    <message>
        <source>byline (the name is kept in the details)</source>
        <translation>firma (el nombre se guarda en los datos)</translation>
    </message>
    <message>
        <source>link to another article</source>
        <translation>enlace a otro artículo</translation>
    </message>
    <message>
        <source>before the article (menus, banners)</source>
        <translation>antes del artículo (menús, avisos)</translation>
    </message>
    <message>
        <source>after the article (footer, comments, teasers)</source>
        <translation>después del artículo (pie de página, comentarios, recomendados)</translation>
    </message>
    <message>
        <source>dropped by hand</source>
        <translation>descartado a mano</translation>
    </message>
    <message>
        <source>The file is gone (moved or deleted?).</source>
        <translation>El archivo ya no está (¿se movió o se eliminó?).</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>El archivo está vacío.</translation>
    </message>
    <message>
        <source>There is no text in it to import.</source>
        <translation>No contiene texto que importar.</translation>
    </message>
    <message>
        <source>This PDF has no text, probably a scanned image. Run OCR on it elsewhere (for example with OCRmyPDF) and import the result.</source>
        <translation>Este PDF no tiene texto; probablemente es una imagen escaneada. Aplíquele OCR con otro programa (por ejemplo, OCRmyPDF) e importe el resultado.</translation>
    </message>
    <message>
        <source>This does not look like text (binary data?).</source>
        <translation>Esto no parece texto (¿datos binarios?).</translation>
    </message>
    <message>
        <source>The file is password-protected. Save an unprotected copy and import that.</source>
        <translation>El archivo está protegido con contraseña. Guarde una copia sin protección e importe esa copia.</translation>
    </message>
    <message>
        <source>The document could not be written to the project.</source>
        <translation>No se pudo escribir el documento en el proyecto.</translation>
    </message>
    <message>
        <source>The file is damaged, or is not really a {kind} file.</source>
        <translation>El archivo está dañado o no es realmente un archivo {kind}.</translation>
    </message>
    <message>
        <source>This is too large (over the {limit:.0f} MB limit).</source>
        <translation>Es demasiado grande (supera el límite de {limit:.0f} MB).</translation>
    </message>
    <message>
        <source>The document is too large: its text and layout unpack to {size:.1f} MB of XML (the limit is {limit:.0f} MB). Save it as PDF or plain text, or split it.</source>
        <translation>El documento es demasiado grande: su texto y su formato ocupan {size:.1f} MB de XML al descomprimirse (el límite es {limit:.0f} MB). Guárdelo como PDF o texto sin formato, o divídalo.</translation>
    </message>
    <message>
        <source>The file is too large ({size:.1f} MB; the limit is {limit:.0f} MB).</source>
        <translation>El archivo es demasiado grande ({size:.1f} MB; el límite es de {limit:.0f} MB).</translation>
    </message>
    <message>
        <source>Annotator does not import this kind of file ({suffix}).</source>
        <translation>Annotator no importa este tipo de archivo ({suffix}).</translation>
    </message>
    <message>
        <source>no extension</source>
        <translation>sin extensión</translation>
    </message>
    <message>
        <source>“{encoding}” is not an encoding Annotator knows.</source>
        <translation>«{encoding}» no es una codificación de caracteres que Annotator conozca.</translation>
    </message>
    <message>
        <source>The file is not valid {encoding} (first bad byte at {position}). Choose another encoding.</source>
        <translation>El archivo no es {encoding} válido (primer byte incorrecto en la posición {position}). Elija otra codificación de caracteres.</translation>
    </message>
    <message>
        <source>The file cannot be imported.</source>
        <translation>No se puede importar el archivo.</translation>
    </message>
    <message>
        <source>Details: {detail}</source>
        <translation>Detalles: {detail}</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>El archivo no se puede leer.</translation>
    </message>
    <message>
        <source>The file was refused as unsafe.</source>
        <translation>El archivo se rechazó por no ser seguro.</translation>
    </message>
    <message>
        <source>This is not a regular file.</source>
        <translation>Esto no es un archivo normal.</translation>
    </message>
    <message>
        <source>There is not enough memory to read this file.</source>
        <translation>No hay memoria suficiente para leer este archivo.</translation>
    </message>
    <message>
        <source>The clean-up left no text to import.</source>
        <translation>La limpieza no dejó texto que importar.</translation>
    </message>
    <message>
        <source>Open it in Word or LibreOffice and save it as .docx.</source>
        <translation>Ábralo en Word o LibreOffice y guárdelo como .docx.</translation>
    </message>
    <message>
        <source>Export it from Pages as .docx.</source>
        <translation>Expórtelo desde Pages como .docx.</translation>
    </message>
    <message>
        <source>Save the page as “Web page, HTML only” instead.</source>
        <translation>Guarde la página como «Página web, solo HTML» en su lugar.</translation>
    </message>
    <message>
        <source>It holds {count} parts.</source>
        <translation>Contiene {count} partes.</translation>
    </message>
    <message>
        <source>It would unpack to {size:.0f} MB.</source>
        <translation>Descomprimido ocuparía {size:.0f} MB.</translation>
    </message>
    <message>
        <source>Its part “{part}” is compressed {count} times (a zip bomb?).</source>
        <translation>Su parte «{part}» está comprimida {count} veces (¿una bomba zip?).</translation>
    </message>
    <message>
        <source>Its part “{part}” uses a DTD or XML entities.</source>
        <translation>Su parte «{part}» usa una DTD o entidades XML.</translation>
    </message>
    <message>
        <source>Its part “{part}” is missing.</source>
        <translation>Falta su parte «{part}».</translation>
    </message>
    <message>
        <source>Its part “{part}” cannot be read.</source>
        <translation>Su parte «{part}» no se puede leer.</translation>
    </message>
    <message>
        <source>This folder holds no file Annotator imports.</source>
        <translation>Esta carpeta no contiene ningún archivo que Annotator importe.</translation>
    </message>
    <message>
        <source>This is a named pipe, not a file; only regular files are imported.</source>
        <translation>Esto es una tubería con nombre, no un archivo; solo se importan archivos normales.</translation>
    </message>
    <message>
        <source>This is a device, not a file; only regular files are imported.</source>
        <translation>Esto es un dispositivo, no un archivo; solo se importan archivos normales.</translation>
    </message>
    <message>
        <source>This is a socket, not a file; only regular files are imported.</source>
        <translation>Esto es un socket, no un archivo; solo se importan archivos normales.</translation>
    </message>
    <message>
        <source>This file was replaced while it was being opened; try again.</source>
        <translation>Este archivo se sustituyó mientras se abría; inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>This is not a regular file; only regular files are imported.</source>
        <translation>Esto no es un archivo normal; solo se importan archivos normales.</translation>
    </message>
    <message>
        <source>The file name is not plain text (bytes that are not UTF-8, or control characters); it is kept as “{name}”.</source>
        <translation>El nombre del archivo no es texto simple (bytes que no son UTF-8 o caracteres de control); se guarda como «{name}».</translation>
    </message>
    <message>
        <source>the text</source>
        <translation>el texto</translation>
    </message>
    <message>
        <source>the title</source>
        <translation>el título</translation>
    </message>
    <message>
        <source>the details</source>
        <translation>los datos</translation>
    </message>
    <message>
        <source>Invisible control characters removed from {field}: {count}.</source>
        <translation>Caracteres de control invisibles eliminados de {field}: {count}.</translation>
    </message>
    <message>
        <source>{imported} imported, {duplicates} duplicates skipped, {failed} failed</source>
        <translation>Importados: {imported}; duplicados omitidos: {duplicates}; fallidos: {failed}</translation>
    </message>
    <message>
        <source>(cancelled)</source>
        <translation>(importación cancelada)</translation>
    </message>
    <message>
        <source>Imported:</source>
        <translation>Importados:</translation>
    </message>
    <message>
        <source> (clean-up dropped {count} piece(s))</source>
        <translation> (fragmentos descartados en la limpieza: {count})</translation>
    </message>
    <message>
        <source>Skipped as duplicates (same text as a stored document):</source>
        <translation>Omitidos por duplicados (mismo texto que un documento guardado):</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>Fallidos:</translation>
    </message>
    <message>
        <source>Not imported because you cancelled:</source>
        <translation>No importados porque usted canceló:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>{name} (read-only) — Annotator</source>
        <translation>{name} (solo lectura) — Annotator</translation>
    </message>
    <message>
        <source>{name} — Annotator</source>
        <translation>{name} — Annotator</translation>
    </message>
    <message>
        <source>Coding as {name}</source>
        <translation>Codificando como {name}</translation>
    </message>
    <message>
        <source>No coder set: Edit › Preferences</source>
        <translation>Sin codificador: Editar › Preferencias</translation>
    </message>
    <message>
        <source>That document no longer exists.</source>
        <translation>Ese documento ya no existe.</translation>
    </message>
    <message>
        <source>Saved a copy as {path}</source>
        <translation>Copia guardada como {path}</translation>
    </message>
    <message>
        <source>Encryption needs Annotator&apos;s &apos;sqlcipher3-wheels&apos; dependency, which is not installed</source>
        <translation>El cifrado necesita la dependencia «sqlcipher3-wheels» de Annotator, que no está instalada</translation>
    </message>
    <message>
        <source>This project is encrypted, but the exported file will not be: anyone who gets it can read it. Keep it somewhere safe, or share a redacted copy instead.</source>
        <translation>Este proyecto está cifrado, pero el archivo exportado no lo estará: cualquiera que lo obtenga podrá leerlo. Guárdelo en un lugar seguro o comparta en su lugar una copia anonimizada.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Nuevo proyecto…</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>&amp;Abrir proyecto…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>Open the &amp;sample project</source>
        <translation>Abrir el proyecto de &amp;ejemplo</translation>
    </message>
    <message>
        <source>&amp;Import documents…</source>
        <translation>&amp;Importar documentos…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <source>&amp;Merge a copy or partner&apos;s file into this one…</source>
        <translation>&amp;Fusionar en este una copia o el archivo de un socio…</translation>
    </message>
    <message>
        <source>Save a &amp;copy…</source>
        <translation>Guardar una &amp;copia…</translation>
    </message>
    <message>
        <source>Share for other &amp;tools (REFI-QDA .qdpx)…</source>
        <translation>Compartir con &amp;otras herramientas (REFI-QDA .qdpx)…</translation>
    </message>
    <message>
        <source>Share a re&amp;dacted copy…</source>
        <translation>Compartir una copia anoni&amp;mizada…</translation>
    </message>
    <message>
        <source>Restore from &amp;backup…</source>
        <translation>Restaurar desde una copia de &amp;seguridad…</translation>
    </message>
    <message>
        <source>Encr&amp;yption</source>
        <translation>Cifra&amp;do</translation>
    </message>
    <message>
        <source>&amp;Encrypt the project…</source>
        <translation>&amp;Cifrar el proyecto…</translation>
    </message>
    <message>
        <source>&amp;Change the passphrase…</source>
        <translation>Cambiar la &amp;frase de contraseña…</translation>
    </message>
    <message>
        <source>&amp;Remove the encryption…</source>
        <translation>&amp;Quitar el cifrado…</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>Cerrar pro&amp;yecto</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Sa&amp;lir</translation>
    </message>
    <message>
        <source>(no recent projects)</source>
        <translation>(no hay proyectos recientes)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Revisión</translation>
    </message>
    <message>
        <source>&amp;Search all documents…</source>
        <translation>&amp;Buscar en todos los documentos…</translation>
    </message>
    <message>
        <source>&amp;Excerpts by code</source>
        <translation>&amp;Extractos por código</translation>
    </message>
    <message>
        <source>&amp;Overviews: frequencies, codes × documents, co-occurrence</source>
        <translation>&amp;Resúmenes: frecuencias, códigos × documentos, coocurrencia</translation>
    </message>
    <message>
        <source>&amp;Agreement between coders</source>
        <translation>&amp;Acuerdo entre codificadores</translation>
    </message>
    <message>
        <source>Show &amp;panels</source>
        <translation>Mostrar &amp;paneles</translation>
    </message>
    <message>
        <source>&amp;Find in document…</source>
        <translation>&amp;Buscar en el documento…</translation>
    </message>
    <message>
        <source>&amp;Auto-code all matches of a search…</source>
        <translation>C&amp;odificar automáticamente todas las coincidencias de una búsqueda…</translation>
    </message>
    <message>
        <source>Set your name in Edit › Preferences first: every coding records its coder.</source>
        <translation>Indique primero su nombre en Editar › Preferencias: cada codificación registra quién la hizo.</translation>
    </message>
    <message>
        <source>Annotator projects (*.annotator);;All files (*)</source>
        <translation>Proyectos de Annotator (*.annotator);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nuevo proyecto</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Abrir proyecto</translation>
    </message>
    <message>
        <source>{project} copy</source>
        <translation>{project} copia</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Guardar una copia</translation>
    </message>
    <message>
        <source>Share for other tools</source>
        <translation>Compartir con otras herramientas</translation>
    </message>
    <message>
        <source>REFI-QDA projects (*.qdpx)</source>
        <translation>Proyectos REFI-QDA (*.qdpx)</translation>
    </message>
    <message>
        <source>Wrote {documents} documents and {codings} codings to {path} for other tools</source>
        <translation>Se escribieron {documents} documentos y {codings} codificaciones en {path} para otras herramientas</translation>
    </message>
    <message>
        <source>Memo on {project}</source>
        <translation>Memo sobre {project}</translation>
    </message>
    <message>
        <source>Notes on the whole project (research questions, decisions, open issues):</source>
        <translation>Notas sobre todo el proyecto (preguntas de investigación, decisiones, cuestiones abiertas):</translation>
    </message>
    <message>
        <source>&amp;Codes</source>
        <translation>&amp;Códigos</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Quick code…</source>
        <translation>&amp;Codificación rápida…</translation>
    </message>
    <message>
        <source>Code in &amp;vivo</source>
        <translation>Codificar in &amp;vivo</translation>
    </message>
    <message>
        <source>&amp;Remove codings at the cursor</source>
        <translation>&amp;Quitar las codificaciones bajo el cursor</translation>
    </message>
    <message>
        <source>Coding &amp;memo…</source>
        <translation>&amp;Memo de la codificación…</translation>
    </message>
    <message>
        <source>Document &amp;finished</source>
        <translation>Documento &amp;terminado</translation>
    </message>
    <message>
        <source>&amp;Document memo</source>
        <translation>Memo del d&amp;ocumento</translation>
    </message>
    <message>
        <source>&amp;Project memo…</source>
        <translation>Memo del &amp;proyecto…</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>Pre&amp;ferencias…</translation>
    </message>
    <message>
        <source>Put the cursor in a coded passage first.</source>
        <translation>Ponga primero el cursor en un pasaje codificado.</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Ampliar</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>&amp;Reducir</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>&amp;Tamaño real</translation>
    </message>
    <message>
        <source>Show &amp;coders</source>
        <translation>Mostrar &amp;codificadores</translation>
    </message>
    <message>
        <source>Show all &amp;codes</source>
        <translation>Mostrar t&amp;odos los códigos</translation>
    </message>
    <message>
        <source>Go to &amp;documents</source>
        <translation>Ir a los &amp;documentos</translation>
    </message>
    <message>
        <source>Go to &amp;text</source>
        <translation>Ir al te&amp;xto</translation>
    </message>
    <message>
        <source>Go to code&amp;book</source>
        <translation>Ir al &amp;libro de códigos</translation>
    </message>
    <message>
        <source>Go to de&amp;tails</source>
        <translation>Ir a los detall&amp;es</translation>
    </message>
    <message>
        <source>&amp;Filter documents</source>
        <translation>&amp;Filtrar documentos</translation>
    </message>
    <message>
        <source>&amp;Next document</source>
        <translation>Documento &amp;siguiente</translation>
    </message>
    <message>
        <source>&amp;Previous document</source>
        <translation>Documento a&amp;nterior</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Guía de uso</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>&amp;About Annotator</source>
        <translation>Acerca &amp;de Annotator</translation>
    </message>
</context>
<context>
    <name>MatrixTab</name>
    <message>
        <source>Include sub-codes</source>
        <translation>Incluir los subcódigos</translation>
    </message>
    <message>
        <source>Hide unused codes and uncoded documents</source>
        <translation>Ocultar los códigos sin usar y los documentos sin codificar</translation>
    </message>
    <message>
        <source>Codings per code and document</source>
        <translation>Codificaciones por código y documento</translation>
    </message>
    <message>
        <source>{code} in “{document}”</source>
        <translation>{code} en «{document}»</translation>
    </message>
</context>
<context>
    <name>MemoEdit</name>
    <message>
        <source>Write a memo…</source>
        <translation>Escriba un memo…</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge into this project</source>
        <translation>Fusionar en este proyecto</translation>
    </message>
    <message>
        <source>A copy of this project, a .qdpx project or a .qdc codebook</source>
        <translation>Una copia de este proyecto, un proyecto .qdpx o un libro de códigos .qdc</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflicto</translation>
    </message>
    <message>
        <source>In this project</source>
        <translation>En este proyecto</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>En el archivo</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionar</translation>
    </message>
    <message>
        <source>Conflicts: choose what to keep for each</source>
        <translation>Conflictos: elija qué conservar en cada uno</translation>
    </message>
    <message>
        <source>Not imported, and notes</source>
        <translation>Lo no importado y notas</translation>
    </message>
    <message>
        <source>Merge which file?</source>
        <translation>¿Qué archivo desea fusionar?</translation>
    </message>
    <message>
        <source>Projects and REFI-QDA files (*.annotator *.qdpx *.qdc);;All files (*)</source>
        <translation>Proyectos y archivos REFI-QDA (*.annotator *.qdpx *.qdc);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>From “{file}”:</source>
        <translation>De «{file}»:</translation>
    </message>
    <message>
        <source>• {new} new documents, {matched} already here</source>
        <translation>• documentos nuevos: {new}; ya presentes: {matched}</translation>
    </message>
    <message>
        <source>• no documents</source>
        <translation>• ningún documento</translation>
    </message>
    <message>
        <source>• {new} new codes, {matched} matched</source>
        <translation>• códigos nuevos: {new}; coincidentes: {matched}</translation>
    </message>
    <message>
        <source>• {new} new codings, {matched} already here</source>
        <translation>• codificaciones nuevas: {new}; ya presentes: {matched}</translation>
    </message>
    <message>
        <source>• 1 new coder</source>
        <translation>• 1 codificador nuevo</translation>
    </message>
    <message>
        <source>• {new} new coders</source>
        <translation>• {new} codificadores nuevos</translation>
    </message>
    <message>
        <source>• {count} documents marked finished</source>
        <translation>• documentos marcados como terminados: {count}</translation>
    </message>
    <message>
        <source>Nothing new: your project already has all of it.</source>
        <translation>Nada nuevo: su proyecto ya lo tiene todo.</translation>
    </message>
    <message>
        <source>Not imported: {kind} “{name}”: {why}</source>
        <translation>No importado: {kind} «{name}»: {why}</translation>
    </message>
    <message>
        <source>Note: {warning}</source>
        <translation>Nota: {warning}</translation>
    </message>
    <message>
        <source>Note: invisible control characters removed from names, titles and memos: {count}</source>
        <translation>Nota: caracteres de control invisibles eliminados de nombres, títulos y memos: {count}</translation>
    </message>
    <message>
        <source>Coder “{subject}” has another name in the file</source>
        <translation>El codificador «{subject}» tiene otro nombre en el archivo</translation>
    </message>
    <message>
        <source>Code “{subject}” is described differently</source>
        <translation>El código «{subject}» tiene otra descripción</translation>
    </message>
    <message>
        <source>Code “{subject}” sits elsewhere in the code tree</source>
        <translation>El código «{subject}» está en otro lugar del árbol de códigos</translation>
    </message>
    <message>
        <source>Document “{subject}” has the same id but another text</source>
        <translation>El documento «{subject}» tiene el mismo identificador pero otro texto</translation>
    </message>
    <message>
        <source>Document “{subject}” has other details</source>
        <translation>El documento «{subject}» tiene otros datos</translation>
    </message>
    <message>
        <source>Coder “{subject}” here and in the file: one person or two?</source>
        <translation>Codificador «{subject}» aquí y en el archivo: ¿una persona o dos?</translation>
    </message>
    <message>
        <source>A {subject} was changed in both</source>
        <translation>Cambiado en ambos: {subject}</translation>
    </message>
    <message>
        <source>Keep ours; leave out their codings on it</source>
        <translation>Conservar el de este proyecto; omitir las codificaciones del archivo sobre él</translation>
    </message>
    <message>
        <source>Keep as two coders</source>
        <translation>Mantener como dos codificadores</translation>
    </message>
    <message>
        <source>Keep ours</source>
        <translation>Conservar lo de este proyecto</translation>
    </message>
    <message>
        <source>Add theirs as a separate document</source>
        <translation>Añadir el del archivo como documento aparte</translation>
    </message>
    <message>
        <source>Same person: merge into ours</source>
        <translation>La misma persona: fusionar con el de este proyecto</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Tomar lo del archivo</translation>
    </message>
    <message>
        <source>Annotator cannot hold this</source>
        <translation>Annotator no puede contener esto</translation>
    </message>
    <message>
        <source>points to a file outside the archive, which is never opened</source>
        <translation>apunta a un archivo fuera del archivo comprimido, que nunca se abre</translation>
    </message>
    <message>
        <source>its file is missing from the archive</source>
        <translation>su archivo falta en el archivo comprimido</translation>
    </message>
    <message>
        <source>larger than the import limit</source>
        <translation>supera el límite de importación</translation>
    </message>
    <message>
        <source>its position lies outside the text</source>
        <translation>su posición queda fuera del texto</translation>
    </message>
    <message>
        <source>refers to something the file does not contain</source>
        <translation>hace referencia a algo que el archivo no contiene</translation>
    </message>
    <message>
        <source>its text cannot be decoded</source>
        <translation>su texto no se puede descodificar</translation>
    </message>
    <message>
        <source>holds a value that does not fit</source>
        <translation>contiene un valor que no encaja</translation>
    </message>
    <message>
        <source>“{name}” cannot be merged: there is no such file.</source>
        <translation>«{name}» no se puede fusionar: no existe ese archivo.</translation>
    </message>
    <message>
        <source>“{name}” cannot be merged: the file cannot be read.</source>
        <translation>«{name}» no se puede fusionar: el archivo no se puede leer.</translation>
    </message>
    <message>
        <source>“{name}” cannot be merged: it is not a regular file.</source>
        <translation>«{name}» no se puede fusionar: no es un archivo normal.</translation>
    </message>
    <message>
        <source>The codebook is empty: there is nothing to write to “{name}”.</source>
        <translation>El libro de códigos está vacío: no hay nada que escribir en «{name}».</translation>
    </message>
    <message>
        <source>“{name}” cannot be read: its codes are nested more than {count} levels deep.</source>
        <translation>«{name}» no se puede leer: sus códigos están anidados a más de {count} niveles de profundidad.</translation>
    </message>
    <message>
        <source>The merge needs a choice for each conflict ({count}); nothing was changed.</source>
        <translation>La fusión necesita una elección para cada conflicto ({count}); no se cambió nada.</translation>
    </message>
    <message>
        <source>The merge cannot be undone: the project has changed since.</source>
        <translation>La fusión no se puede deshacer: el proyecto ha cambiado desde entonces.</translation>
    </message>
    <message>
        <source>The merge cannot be undone: its backup of the project is missing.</source>
        <translation>La fusión no se puede deshacer: falta su copia de seguridad del proyecto.</translation>
    </message>
    <message>
        <source>The project as it was before the merge is saved at “{path}”.</source>
        <translation>El proyecto tal como estaba antes de la fusión está guardado en «{path}».</translation>
    </message>
    <message>
        <source>“{name}” cannot be merged: it is not a .qdpx, .qdc or .annotator file.</source>
        <translation>«{name}» no se puede fusionar: no es un archivo .qdpx, .qdc ni .annotator.</translation>
    </message>
    <message>
        <source>“{name}” cannot be merged: it is not a REFI-QDA project archive (a .qdpx file is a ZIP archive).</source>
        <translation>«{name}» no se puede fusionar: no es un archivo de proyecto REFI-QDA (un archivo .qdpx es un archivo ZIP).</translation>
    </message>
    <message>
        <source>“{name}” cannot be merged: it contains a file whose name points outside the archive; refused for safety.</source>
        <translation>«{name}» no se puede fusionar: contiene un archivo cuyo nombre apunta fuera del archivo comprimido; se rechaza por seguridad.</translation>
    </message>
    <message>
        <source>“{name}” cannot be merged: it unpacks to more data than is safe to import (a damaged file or a zip bomb).</source>
        <translation>«{name}» no se puede fusionar: al descomprimirlo da más datos de los que es seguro importar (un archivo dañado o una bomba zip).</translation>
    </message>
    <message>
        <source>“{name}” cannot be merged: it contains more files than a project archive can have.</source>
        <translation>«{name}» no se puede fusionar: contiene más archivos de los que puede tener un archivo de proyecto.</translation>
    </message>
    <message>
        <source>“{name}” cannot be merged: it contains no project.qde.</source>
        <translation>«{name}» no se puede fusionar: no contiene ningún project.qde.</translation>
    </message>
    <message>
        <source>“{name}” cannot be merged: it is not well-formed XML.</source>
        <translation>«{name}» no se puede fusionar: no es XML bien formado.</translation>
    </message>
    <message>
        <source>“{name}” cannot be merged: it uses a DTD or XML entities, which are refused for safety.</source>
        <translation>«{name}» no se puede fusionar: usa una DTD o entidades XML, que se rechazan por seguridad.</translation>
    </message>
    <message>
        <source>“{name}” cannot be merged: it is not a REFI-QDA file (unexpected root element).</source>
        <translation>«{name}» no se puede fusionar: no es un archivo REFI-QDA (elemento raíz inesperado).</translation>
    </message>
    <message>
        <source>“{name}” cannot be merged: it holds a value that does not fit.</source>
        <translation>«{name}» no se puede fusionar: contiene un valor que no encaja.</translation>
    </message>
    <message>
        <source>“{name}” cannot be merged: it is damaged and cannot be read.</source>
        <translation>«{name}» no se puede fusionar: está dañado y no se puede leer.</translation>
    </message>
    <message>
        <source>“{name}” cannot be merged: it is not an Annotator project.</source>
        <translation>«{name}» no se puede fusionar: no es un proyecto de Annotator.</translation>
    </message>
    <message>
        <source>“{name}” cannot be merged: it looks encrypted; open it with its passphrase and save an unencrypted copy to merge.</source>
        <translation>«{name}» no se puede fusionar: parece cifrado; ábralo con su frase de contraseña y guarde una copia sin cifrar para fusionarla.</translation>
    </message>
    <message>
        <source>“{name}” cannot be merged: it was written by a newer version of Annotator; update the app to merge it.</source>
        <translation>«{name}» no se puede fusionar: se escribió con una versión más reciente de Annotator; actualice la aplicación para fusionarlo.</translation>
    </message>
    <message>
        <source>“{name}” cannot be merged: it is an Annotator project with parts Annotator never writes; refused.</source>
        <translation>«{name}» no se puede fusionar: es un proyecto de Annotator con partes que Annotator nunca escribe; se rechaza.</translation>
    </message>
    <message>
        <source>Details: {detail}</source>
        <translation>Detalles: {detail}</translation>
    </message>
    <message>
        <source>Nothing was changed in your project.</source>
        <translation>No se cambió nada en su proyecto.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>This passage is already coded “{code}” by you.</source>
        <translation>Usted ya codificó este pasaje como «{code}».</translation>
    </message>
    <message>
        <source>A code needs a name.</source>
        <translation>Un código necesita un nombre.</translation>
    </message>
    <message>
        <source>The code name “{name}” contains “/”, which separates the levels of a code path.</source>
        <translation>El nombre de código «{name}» contiene «/», que separa los niveles de una ruta de código.</translation>
    </message>
    <message>
        <source>The code name “{name}” is longer than {limit} characters.</source>
        <translation>El nombre de código «{name}» tiene más de {limit} caracteres.</translation>
    </message>
    <message>
        <source>There is already a code named “{name}”. Code names are unique.</source>
        <translation>Ya existe un código llamado «{name}». Los nombres de los códigos son únicos.</translation>
    </message>
    <message>
        <source>The regular expression “{pattern}” was stopped after {seconds} seconds on one text: it would take too long. Simplify it (nested repeats such as (a+)+ can run for ever).</source>
        <translation>La expresión regular «{pattern}» se detuvo tras {seconds} segundos en un texto: tardaría demasiado. Simplifíquela (las repeticiones anidadas como (a+)+ pueden no terminar nunca).</translation>
    </message>
    <message>
        <source>The regular expression “{pattern}” is not valid: {detail}.</source>
        <translation>La expresión regular «{pattern}» no es válida: {detail}.</translation>
    </message>
    <message>
        <source>There is no project file “{name}”.</source>
        <translation>No existe el archivo de proyecto «{name}».</translation>
    </message>
    <message>
        <source>“{name}” is not an Annotator project (not a SQLite file).</source>
        <translation>«{name}» no es un proyecto de Annotator (no es un archivo SQLite).</translation>
    </message>
    <message>
        <source>“{name}” is encrypted, or it is not an Annotator project. If it is encrypted, open it with its passphrase.</source>
        <translation>«{name}» está cifrado, o no es un proyecto de Annotator. Si está cifrado, ábralo con su frase de contraseña.</translation>
    </message>
    <message>
        <source>“{name}” cannot be opened with this passphrase. Check the keyboard layout and Caps Lock, and try again.</source>
        <translation>«{name}» no se puede abrir con esta frase de contraseña. Compruebe la distribución del teclado y el Bloq Mayús, e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>“{name}” is encrypted, but this installation of Annotator cannot open encrypted projects. Install Annotator with its &apos;sqlcipher3-wheels&apos; dependency (pip install sqlcipher3-wheels) and try again.</source>
        <translation>«{name}» está cifrado, pero esta instalación de Annotator no puede abrir proyectos cifrados. Instale Annotator con su dependencia «sqlcipher3-wheels» (pip install sqlcipher3-wheels) e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>“{name}” belongs to another application, not an Annotator project.</source>
        <translation>«{name}» pertenece a otra aplicación; no es un proyecto de Annotator.</translation>
    </message>
    <message>
        <source>“{name}” is damaged and cannot be read.</source>
        <translation>«{name}» está dañado y no se puede leer.</translation>
    </message>
    <message>
        <source>“{name}” is damaged: a value stored in it ({table}.{column}) is not of its type. Repairing it (after a backup) turns text stored as bytes back into text.</source>
        <translation>«{name}» está dañado: un valor guardado en él ({table}.{column}) no es de su tipo. Repararlo (tras una copia de seguridad) vuelve a convertir en texto el texto guardado como bytes.</translation>
    </message>
    <message>
        <source>“{name}” was saved by a newer version of Annotator. Please update the app.</source>
        <translation>«{name}» se guardó con una versión más reciente de Annotator. Actualice la aplicación.</translation>
    </message>
    <message>
        <source>“{name}” could not be upgraded to this version of Annotator; it was left as it was.</source>
        <translation>«{name}» no se pudo actualizar a esta versión de Annotator; se dejó como estaba.</translation>
    </message>
    <message>
        <source>“{name}” already exists. Choose another name.</source>
        <translation>«{name}» ya existe. Elija otro nombre.</translation>
    </message>
    <message>
        <source>“{name}” cannot be written: the folder may be read-only, the disk full, or permission missing.</source>
        <translation>No se puede escribir en «{name}»: puede que la carpeta sea de solo lectura, el disco esté lleno o falten permisos.</translation>
    </message>
    <message>
        <source>“{name}” has parts that differ from what Annotator writes.</source>
        <translation>«{name}» tiene partes que difieren de lo que escribe Annotator.</translation>
    </message>
    <message>
        <source>“{name}” is not as Annotator writes it, so nothing is written to it until it is repaired (Repair… above the document, or “annotator check --repair”).</source>
        <translation>«{name}» no está como lo escribe Annotator, así que no se escribe nada en él hasta que se repare (Reparar… encima del documento, o «annotator check --repair»).</translation>
    </message>
    <message>
        <source>“{name}” cannot be read: parts of it that Annotator reads are missing or changed. Repairing it (after a backup) restores them.</source>
        <translation>«{name}» no se puede leer: faltan o han cambiado partes que Annotator lee. Repararlo (tras una copia de seguridad) las restaura.</translation>
    </message>
    <message>
        <source>“{name}” could not be repaired, and was left as it was. Restore a backup with File › Restore from Backup….</source>
        <translation>«{name}» no se pudo reparar y se dejó como estaba. Restaure una copia de seguridad con Archivo › Restaurar desde una copia de seguridad….</translation>
    </message>
    <message>
        <source>“{name}” is open in another window or program; close it there first.</source>
        <translation>«{name}» está abierto en otra ventana o programa; ciérrelo allí primero.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>El archivo está vacío.</translation>
    </message>
    <message>
        <source>The file is cut short.</source>
        <translation>El archivo está cortado.</translation>
    </message>
    <message>
        <source>It is open read-only.</source>
        <translation>Está abierto en modo de solo lectura.</translation>
    </message>
    <message>
        <source>It needs upgrading to this version of Annotator, which must write to it.</source>
        <translation>Necesita actualizarse a esta versión de Annotator, que debe escribir en él.</translation>
    </message>
    <message>
        <source>It is in a place that cannot be written.</source>
        <translation>Está en un lugar donde no se puede escribir.</translation>
    </message>
    <message>
        <source>Its latest changes are in a “-wal” file beside it that cannot be read in a read-only folder. Copy the project and its “-wal” file to a writable folder and open it there.</source>
        <translation>Sus últimos cambios están en un archivo «-wal» a su lado que no se puede leer en una carpeta de solo lectura. Copie el proyecto y su archivo «-wal» a una carpeta con permiso de escritura y ábralo allí.</translation>
    </message>
    <message>
        <source>It is not encrypted.</source>
        <translation>No está cifrado.</translation>
    </message>
    <message>
        <source>The copy lost rows of the table “{table}”.</source>
        <translation>La copia perdió filas de la tabla «{table}».</translation>
    </message>
    <message>
        <source>“{name}” cannot be opened.</source>
        <translation>«{name}» no se puede abrir.</translation>
    </message>
    <message>
        <source>Details: {detail}</source>
        <translation>Detalles: {detail}</translation>
    </message>
    <message>
        <source>File: {path}
The file was not changed.</source>
        <translation>Archivo: {path}
El archivo no se modificó.</translation>
    </message>
    <message>
        <source>That passage cannot be coded: {start}–{end} lies outside the document (0–{length}).</source>
        <translation>Ese pasaje no se puede codificar: {start}–{end} queda fuera del documento (0–{length}).</translation>
    </message>
    <message>
        <source>That passage cannot be coded: it is empty. Select some text first.</source>
        <translation>Ese pasaje no se puede codificar: está vacío. Seleccione primero algo de texto.</translation>
    </message>
    <message>
        <source>That coding cannot be put back: it no longer matches its text.</source>
        <translation>Esa codificación no se puede restaurar: ya no coincide con su texto.</translation>
    </message>
    <message>
        <source>A coding in the file lies outside its document.</source>
        <translation>Una codificación del archivo queda fuera de su documento.</translation>
    </message>
    <message>
        <source>The quote “{quote}” occurs {count} times in the document.</source>
        <translation>La cita «{quote}» aparece {count} veces en el documento.</translation>
    </message>
    <message>
        <source>The quote “{quote}” does not occur in the document.</source>
        <translation>La cita «{quote}» no aparece en el documento.</translation>
    </message>
    <message>
        <source>This passphrase cannot be used: it is empty.</source>
        <translation>Esta frase de contraseña no se puede usar: está vacía.</translation>
    </message>
    <message>
        <source>This passphrase cannot be used: it is shorter than {minimum} characters.</source>
        <translation>Esta frase de contraseña no se puede usar: tiene menos de {minimum} caracteres.</translation>
    </message>
    <message>
        <source>This passphrase cannot be used: it contains a NUL character.</source>
        <translation>Esta frase de contraseña no se puede usar: contiene un carácter NUL.</translation>
    </message>
    <message>
        <source>There is no file “{name}”.</source>
        <translation>No existe el archivo «{name}».</translation>
    </message>
    <message>
        <source>“{name}” is not a regular file.</source>
        <translation>«{name}» no es un archivo normal.</translation>
    </message>
    <message>
        <source>“{name}” cannot be read.</source>
        <translation>«{name}» no se puede leer.</translation>
    </message>
    <message>
        <source>“{name}” is larger than the limit of {limit:.0f} MB.</source>
        <translation>«{name}» supera el límite de {limit:.0f} MB.</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>la carpeta no existe</translation>
    </message>
    <message>
        <source>you have no permission to write there (a read-only folder or file)</source>
        <translation>no tiene permiso para escribir ahí (una carpeta o un archivo de solo lectura)</translation>
    </message>
    <message>
        <source>the file is open in another program; close it there and try again</source>
        <translation>el archivo está abierto en otro programa; ciérrelo allí e inténtelo de nuevo</translation>
    </message>
    <message>
        <source>the disk is full; free some space and try again</source>
        <translation>el disco está lleno; libere espacio e inténtelo de nuevo</translation>
    </message>
    <message>
        <source>a folder of that name is in the way</source>
        <translation>hay una carpeta con ese nombre que lo impide</translation>
    </message>
    <message>
        <source>something else took its place while it was being written</source>
        <translation>otra cosa ocupó su lugar mientras se escribía</translation>
    </message>
    <message>
        <source>the file cannot be written</source>
        <translation>no se puede escribir el archivo</translation>
    </message>
    <message>
        <source>it is not a regular file but a device, a pipe or a socket</source>
        <translation>no es un archivo normal, sino un dispositivo, una tubería o un socket</translation>
    </message>
    <message>
        <source>it is the open project or one of its working files, which writing there would destroy</source>
        <translation>es el proyecto abierto o uno de sus archivos de trabajo, que se destruirían al escribir ahí</translation>
    </message>
    <message>
        <source>it is a backup of the open project</source>
        <translation>es una copia de seguridad del proyecto abierto</translation>
    </message>
    <message>
        <source>it is an Annotator project, which writing there would destroy</source>
        <translation>es un proyecto de Annotator, que se destruiría al escribir ahí</translation>
    </message>
    <message>
        <source>Did not write “{path}”: {reason}.</source>
        <translation>No se escribió «{path}»: {reason}.</translation>
    </message>
    <message>
        <source>Choose another name; nothing was changed.</source>
        <translation>Elija otro nombre; no se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Could not write “{path}”: {reason}.</source>
        <translation>No se pudo escribir «{path}»: {reason}.</translation>
    </message>
    <message>
        <source>Any earlier file of that name is unchanged.</source>
        <translation>Cualquier archivo anterior con ese nombre sigue sin cambios.</translation>
    </message>
    <message>
        <source>That document no longer exists (it may have been deleted).</source>
        <translation>Ese documento ya no existe (puede que se haya eliminado).</translation>
    </message>
    <message>
        <source>That code no longer exists (it may have been deleted).</source>
        <translation>Ese código ya no existe (puede que se haya eliminado).</translation>
    </message>
    <message>
        <source>That coding no longer exists (it may have been deleted).</source>
        <translation>Esa codificación ya no existe (puede que se haya eliminado).</translation>
    </message>
    <message>
        <source>That coder no longer exists (it may have been deleted).</source>
        <translation>Ese codificador ya no existe (puede que se haya eliminado).</translation>
    </message>
    <message>
        <source>“{key}” fits more than one document.</source>
        <translation>«{key}» corresponde a más de un documento.</translation>
    </message>
    <message>
        <source>“{key}” fits more than one code.</source>
        <translation>«{key}» corresponde a más de un código.</translation>
    </message>
    <message>
        <source>“{key}” fits more than one coding.</source>
        <translation>«{key}» corresponde a más de una codificación.</translation>
    </message>
    <message>
        <source>“{key}” fits more than one coder.</source>
        <translation>«{key}» corresponde a más de un codificador.</translation>
    </message>
    <message>
        <source>It fits: {listed}</source>
        <translation>Corresponde a: {listed}</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <source>The name of the code “{owner}”</source>
        <translation>El nombre del código «{owner}»</translation>
    </message>
    <message>
        <source>The definition of the code “{owner}”</source>
        <translation>La definición del código «{owner}»</translation>
    </message>
    <message>
        <source>The memo of the code “{owner}”</source>
        <translation>El memo del código «{owner}»</translation>
    </message>
    <message>
        <source>The name of the coder “{owner}”</source>
        <translation>El nombre del codificador «{owner}»</translation>
    </message>
    <message>
        <source>The title of the document “{owner}”</source>
        <translation>El título del documento «{owner}»</translation>
    </message>
    <message>
        <source>A detail ({field}) of the document “{owner}”</source>
        <translation>Un dato ({field}) del documento «{owner}»</translation>
    </message>
    <message>
        <source>The memo of the document “{owner}”</source>
        <translation>El memo del documento «{owner}»</translation>
    </message>
    <message>
        <source>The memo of a coding in the document “{owner}”</source>
        <translation>El memo de una codificación del documento «{owner}»</translation>
    </message>
    <message>
        <source>A value written to “{owner}”</source>
        <translation>Un valor escrito en «{owner}»</translation>
    </message>
    <message>
        <source>{where} holds an invisible control character (U+{code:04X}) that Word, Excel and REFI-QDA files cannot hold, so nothing was written. Edit it (editing removes the character) and export again.</source>
        <translation>{where} contiene un carácter de control invisible (U+{code:04X}) que los archivos de Word, Excel y REFI-QDA no admiten, así que no se escribió nada. Edítelo (al editarlo se elimina el carácter) y vuelva a exportar.</translation>
    </message>
    <message>
        <source>The date “{value}” cannot be used: write it as 2024-04-16, 2024-04 or 2024.</source>
        <translation>La fecha «{value}» no se puede usar: escríbala como 2024-04-16, 2024-04 o 2024.</translation>
    </message>
    <message>
        <source>The date “{value}” cannot be used: write it as 2024-04-16.</source>
        <translation>La fecha «{value}» no se puede usar: escríbala como 2024-04-16.</translation>
    </message>
    <message>
        <source>The dates cannot be used: “{value}” comes after “{other}”.</source>
        <translation>Las fechas no se pueden usar: «{value}» es posterior a «{other}».</translation>
    </message>
    <message>
        <source>A document needs a title.</source>
        <translation>Un documento necesita un título.</translation>
    </message>
    <message>
        <source>A coder needs a name.</source>
        <translation>Un codificador necesita un nombre.</translation>
    </message>
    <message>
        <source>The colour “{value}” cannot be used: write it as #RRGGBB.</source>
        <translation>El color «{value}» no se puede usar: escríbalo como #RRGGBB.</translation>
    </message>
    <message>
        <source>The shortcut “{value}” is already used by the code “{other}”.</source>
        <translation>El atajo «{value}» ya lo usa el código «{other}».</translation>
    </message>
    <message>
        <source>The code “{value}” cannot be moved inside itself or its sub-codes.</source>
        <translation>El código «{value}» no se puede mover dentro de sí mismo ni de sus subcódigos.</translation>
    </message>
    <message>
        <source>The code “{value}” cannot be merged into its own sub-code “{other}”.</source>
        <translation>El código «{value}» no se puede fusionar con su propio subcódigo «{other}».</translation>
    </message>
    <message>
        <source>Creating the code “{value}” cannot be undone: passages have been coded with it.</source>
        <translation>La creación del código «{value}» no se puede deshacer: ya se han codificado pasajes con él.</translation>
    </message>
    <message>
        <source>Importing “{value}” cannot be undone: passages have been coded with its codes.</source>
        <translation>La importación de «{value}» no se puede deshacer: ya se han codificado pasajes con sus códigos.</translation>
    </message>
    <message>
        <source>The codings of “{value}” cannot go to its parent: it is a top-level code. Delete them with it instead.</source>
        <translation>Las codificaciones de «{value}» no pueden pasar a su código padre: es un código de nivel superior. Elimínelas junto con él.</translation>
    </message>
    <message>
        <source>Agreement needs two or more coders to compare.</source>
        <translation>El acuerdo necesita dos o más codificadores para comparar.</translation>
    </message>
    <message>
        <source>The codebook file “{value}” cannot be read.</source>
        <translation>El archivo de libro de códigos «{value}» no se puede leer.</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Copy table</source>
        <translation>Copiar la tabla</translation>
    </message>
    <message>
        <source>Save table as CSV…</source>
        <translation>Guardar la tabla como CSV…</translation>
    </message>
    <message>
        <source>Save chart as PNG…</source>
        <translation>Guardar el gráfico como PNG…</translation>
    </message>
    <message>
        <source>Table copied: paste it into a spreadsheet.</source>
        <translation>Tabla copiada: péguela en una hoja de cálculo.</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>Se guardó {file}.</translation>
    </message>
    <message>
        <source>Save table as CSV</source>
        <translation>Guardar la tabla como CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save chart as PNG</source>
        <translation>Guardar el gráfico como PNG</translation>
    </message>
    <message>
        <source>PNG files (*.png)</source>
        <translation>Archivos PNG (*.png)</translation>
    </message>
</context>
<context>
    <name>OverviewsView</name>
    <message>
        <source>Code frequencies</source>
        <translation>Frecuencias de los códigos</translation>
    </message>
    <message>
        <source>Codes × documents</source>
        <translation>Códigos × documentos</translation>
    </message>
    <message>
        <source>Co-occurrence</source>
        <translation>Coocurrencia</translation>
    </message>
</context>
<context>
    <name>PassagesModel</name>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Pasaje</translation>
    </message>
    <message>
        <source>already coded</source>
        <translation>ya codificado</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Choose a passphrase</source>
        <translation>Elija una frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Anyone who has the file and this passphrase can read the project. Without the passphrase nobody can, not even you: there is no way to recover it. Use several words, at least {length} characters.</source>
        <translation>Cualquiera que tenga el archivo y esta frase de contraseña puede leer el proyecto. Sin la frase nadie puede, ni siquiera usted: no hay forma de recuperarla. Use varias palabras, al menos {length} caracteres.</translation>
    </message>
    <message>
        <source>“{name}” is encrypted. Enter its passphrase.</source>
        <translation>«{name}» está cifrado. Escriba su frase de contraseña.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frase de contraseña:</translation>
    </message>
    <message>
        <source>Type it again:</source>
        <translation>Escríbala de nuevo:</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Las dos frases de contraseña no coinciden.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Your name as coder</source>
        <translation>Su nombre como codificador</translation>
    </message>
    <message>
        <source> pt</source>
        <comment>unit of text size</comment>
        <translation> pt</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>As the system ({language})</source>
        <translation>Como el sistema ({language})</translation>
    </message>
    <message>
        <source>Your &amp;name as coder:</source>
        <translation>Su &amp;nombre como codificador:</translation>
    </message>
    <message>
        <source>&amp;Text size:</source>
        <translation>&amp;Tamaño del texto:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>The new language is used the next time Annotator starts.</source>
        <translation>El nuevo idioma se usará la próxima vez que se inicie Annotator.</translation>
    </message>
    <message>
        <source>Renaming keeps your identity: codings you made stay yours, under the new name.</source>
        <translation>Cambiar el nombre conserva su identidad: sus codificaciones siguen siendo suyas, con el nuevo nombre.</translation>
    </message>
</context>
<context>
    <name>ProjectBanner</name>
    <message>
        <source>Read-only notice</source>
        <translation>Aviso de solo lectura</translation>
    </message>
    <message>
        <source>Repair…</source>
        <translation>Reparar…</translation>
    </message>
    <message>
        <source>Take a backup, then make the project what Annotator writes</source>
        <translation>Hacer una copia de seguridad y dejar el proyecto como lo escribe Annotator</translation>
    </message>
    <message>
        <source>This project is open read-only because it is not as Annotator writes it: {parts}. Nothing is written to it until it is repaired: Repair… takes a backup, removes what Annotator never writes and restores what is missing.</source>
        <translation>Este proyecto está abierto en solo lectura porque no está como lo escribe Annotator: {parts}. No se escribe nada en él hasta que se repare: Reparar… hace una copia de seguridad, quita lo que Annotator nunca escribe y restaura lo que falta.</translation>
    </message>
    <message>
        <source>This project is open read-only because it was opened read-only. You can read and export, but not code. To code, use File › Save a Copy… and open the copy.</source>
        <translation>Este proyecto está abierto en solo lectura porque se abrió así. Puede leer y exportar, pero no codificar. Para codificar, use Archivo › Guardar una copia… y abra la copia.</translation>
    </message>
    <message>
        <source>This project is open read-only because the file is write-protected. You can read and export, but not code. To code, use File › Save a Copy… and open the copy.</source>
        <translation>Este proyecto está abierto en solo lectura porque el archivo está protegido contra escritura. Puede leer y exportar, pero no codificar. Para codificar, use Archivo › Guardar una copia… y abra la copia.</translation>
    </message>
    <message>
        <source>This project is open read-only because its folder cannot be written (a locked USB stick?). You can read and export, but not code. To code, use File › Save a Copy… and open the copy.</source>
        <translation>Este proyecto está abierto en solo lectura porque no se puede escribir en su carpeta (¿una memoria USB bloqueada?). Puede leer y exportar, pero no codificar. Para codificar, use Archivo › Guardar una copia… y abra la copia.</translation>
    </message>
    <message>
        <source>This project is open read-only because it cannot be written. You can read and export, but not code. To code, use File › Save a Copy… and open the copy.</source>
        <translation>Este proyecto está abierto en solo lectura porque no se puede escribir en él. Puede leer y exportar, pero no codificar. Para codificar, use Archivo › Guardar una copia… y abra la copia.</translation>
    </message>
</context>
<context>
    <name>QuickCodePalette</name>
    <message>
        <source>Code selection as…</source>
        <translation>Codificar la selección como…</translation>
    </message>
    <message>
        <source>Type part of a code&apos;s name or definition…</source>
        <translation>Escriba parte del nombre o de la definición de un código…</translation>
    </message>
    <message>
        <source>Search codes</source>
        <translation>Buscar códigos</translation>
    </message>
    <message>
        <source>Matching codes</source>
        <translation>Códigos coincidentes</translation>
    </message>
    <message>
        <source>↑↓ to move, Enter to choose, Esc to cancel</source>
        <translation>↑↓ para moverse, Intro para elegir, Esc para cancelar</translation>
    </message>
    <message>
        <source>➕ Create code “{name}”</source>
        <translation>➕ Crear el código «{name}»</translation>
    </message>
</context>
<context>
    <name>RecoveryPrompt</name>
    <message>
        <source>Project damaged</source>
        <translation>Proyecto dañado</translation>
    </message>
    <message>
        <source>“{name}” is damaged and cannot be used as it is.</source>
        <translation>«{name}» está dañado y no se puede usar tal como está.</translation>
    </message>
    <message>
        <source>The newest good backup is from {when}: {documents} documents, {codings} codings, {codes} codes. Work done after that moment is not in it.

Restore it? The damaged file is kept beside the project, named “…before-restore-…”, so nothing is deleted.</source>
        <translation>La copia de seguridad buena más reciente es de {when}: {documents} documentos, {codings} codificaciones, {codes} códigos. El trabajo hecho después de ese momento no está en ella.

¿Restaurarla? El archivo dañado se conserva junto al proyecto, con el nombre «…before-restore-…», así que no se elimina nada.</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>Restaurar la copia de seguridad</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>SQLite integrity: {result}</source>
        <translation>Integridad de SQLite: {result}</translation>
    </message>
    <message>
        <source>Restore from Backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>“{name}” is damaged, and there is no good backup of it.</source>
        <translation>«{name}» está dañado y no hay ninguna copia de seguridad buena de él.</translation>
    </message>
    <message>
        <source>The file was not changed. If you sent or received a copy of this project recently, open that copy. Keep the damaged file: a specialist may be able to recover most of it.</source>
        <translation>El archivo no se modificó. Si envió o recibió hace poco una copia de este proyecto, abra esa copia. Conserve el archivo dañado: quizá un especialista pueda recuperar la mayor parte.</translation>
    </message>
</context>
<context>
    <name>RedactionDialog</name>
    <message>
        <source>Share a redacted copy</source>
        <translation>Compartir una copia anonimizada</translation>
    </message>
    <message>
        <source>One name a line; it is replaced wherever it occurs, ignoring case. “re:” starts a regular expression, “=&gt; text” chooses the placeholder, “#” a comment.</source>
        <translation>Un nombre por línea; se sustituye dondequiera que aparezca, sin distinguir mayúsculas. «re:» inicia una expresión regular, «=&gt; texto» elige el texto de sustitución, «#» un comentario.</translation>
    </message>
    <message>
        <source>Amina Rasheed =&gt; [Source A]
re:\+?\d[\d ]{7,}\d</source>
        <translation>Amina Rasheed =&gt; [Fuente A]
re:\+?\d[\d ]{7,}\d</translation>
    </message>
    <message>
        <source>Load list…</source>
        <translation>Cargar una lista…</translation>
    </message>
    <message>
        <source>Save list…</source>
        <translation>Guardar la lista…</translation>
    </message>
    <message>
        <source>Preview replacements</source>
        <translation>Vista previa de las sustituciones</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>In</source>
        <translation>En</translation>
    </message>
    <message>
        <source>Text around it</source>
        <translation>Texto alrededor</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Se sustituye por</translation>
    </message>
    <message>
        <source>Annotator project (.annotator)</source>
        <translation>Proyecto de Annotator (.annotator)</translation>
    </message>
    <message>
        <source>REFI-QDA project (.qdpx)</source>
        <translation>Proyecto REFI-QDA (.qdpx)</translation>
    </message>
    <message>
        <source>Write as:</source>
        <translation>Escribir como:</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Elegir…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <source>Encrypt the copy with a passphrase</source>
        <translation>Cifrar la copia con una frase de contraseña</translation>
    </message>
    <message>
        <source>Write redacted copy</source>
        <translation>Escribir la copia anonimizada</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Press “Preview replacements” to see every change.</source>
        <translation>Pulse «Vista previa de las sustituciones» para ver todos los cambios.</translation>
    </message>
    <message>
        <source>{count} replacements:</source>
        <translation>Sustituciones ({count}):</translation>
    </message>
    <message>
        <source>Found nowhere (check the spelling): {names}</source>
        <translation>No encontrados en ningún sitio (revise la ortografía): {names}</translation>
    </message>
    <message>
        <source>The first {count} are listed.</source>
        <translation>Se muestran las {count} primeras.</translation>
    </message>
    <message>
        <source>document title</source>
        <translation>título del documento</translation>
    </message>
    <message>
        <source>document source_url</source>
        <translation>URL de origen del documento</translation>
    </message>
    <message>
        <source>document publisher</source>
        <translation>medio del documento</translation>
    </message>
    <message>
        <source>document author</source>
        <translation>autor del documento</translation>
    </message>
    <message>
        <source>document published_date</source>
        <translation>fecha de publicación del documento</translation>
    </message>
    <message>
        <source>document accessed_date</source>
        <translation>fecha de consulta del documento</translation>
    </message>
    <message>
        <source>document language</source>
        <translation>idioma del documento</translation>
    </message>
    <message>
        <source>document notes</source>
        <translation>notas del documento</translation>
    </message>
    <message>
        <source>document memo</source>
        <translation>memo del documento</translation>
    </message>
    <message>
        <source>document text</source>
        <translation>texto del documento</translation>
    </message>
    <message>
        <source>code name</source>
        <translation>nombre del código</translation>
    </message>
    <message>
        <source>code definition</source>
        <translation>definición del código</translation>
    </message>
    <message>
        <source>code memo</source>
        <translation>memo del código</translation>
    </message>
    <message>
        <source>coding memo</source>
        <translation>memo de la codificación</translation>
    </message>
    <message>
        <source>coder name</source>
        <translation>nombre del codificador</translation>
    </message>
    <message>
        <source>project setting value</source>
        <translation>valor de un ajuste del proyecto</translation>
    </message>
    <message>
        <source>audit log details</source>
        <translation>detalles del registro de auditoría</translation>
    </message>
    <message>
        <source>names.txt</source>
        <translation>nombres.txt</translation>
    </message>
    <message>
        <source>{project}-redacted</source>
        <translation>{project}-anonimizado</translation>
    </message>
    <message>
        <source>Writing {name}…</source>
        <translation>Escribiendo {name}…</translation>
    </message>
    <message>
        <source>Wrote {path}: {documents} documents, {codings} codings, {replacements} replacements.</source>
        <translation>Se escribió {path}: {documents} documentos, {codings} codificaciones, {replacements} sustituciones.</translation>
    </message>
    <message>
        <source>Load a redaction list</source>
        <translation>Cargar una lista de anonimización</translation>
    </message>
    <message>
        <source>The list cannot be used.</source>
        <translation>La lista no se puede usar.</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>Archivos de texto (*.txt)</translation>
    </message>
    <message>
        <source>Save the redaction list</source>
        <translation>Guardar la lista de anonimización</translation>
    </message>
    <message>
        <source>Write the redacted copy to</source>
        <translation>Escribir la copia anonimizada en</translation>
    </message>
    <message>
        <source>This copy will not be encrypted: anyone who gets the file can read what is left in it. Send it only through a channel you trust.</source>
        <translation>Esta copia no estará cifrada: cualquiera que obtenga el archivo podrá leer lo que quede en él. Envíela solo por un canal de confianza.</translation>
    </message>
    <message>
        <source>Choose another file: this is the project itself.</source>
        <translation>Elija otro archivo: este es el propio proyecto.</translation>
    </message>
    <message>
        <source>Redacted copy not written</source>
        <translation>No se escribió la copia anonimizada</translation>
    </message>
</context>
<context>
    <name>RedactionList</name>
    <message>
        <source>There is no such file.</source>
        <translation>No existe ese archivo.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>El archivo no se puede leer.</translation>
    </message>
    <message>
        <source>The list is larger than the limit of {limit:.0f} MB.</source>
        <translation>La lista supera el límite de {limit:.0f} MB.</translation>
    </message>
    <message>
        <source>The list is not UTF-8 text; save it as UTF-8.</source>
        <translation>La lista no es texto UTF-8; guárdela como UTF-8.</translation>
    </message>
    <message>
        <source>The list holds no names or patterns: add the names to hide.</source>
        <translation>La lista no contiene nombres ni patrones: añada los nombres que hay que ocultar.</translation>
    </message>
    <message>
        <source>The placeholder after =&gt; is empty.</source>
        <translation>El texto de sustitución después de =&gt; está vacío.</translation>
    </message>
    <message>
        <source>There is nothing to redact on this line.</source>
        <translation>No hay nada que ocultar en esta línea.</translation>
    </message>
    <message>
        <source>The regular expression “{pattern}” is not valid: {detail}.</source>
        <translation>La expresión regular «{pattern}» no es válida: {detail}.</translation>
    </message>
    <message>
        <source>“{pattern}” also matches empty text, so it cannot be redacted.</source>
        <translation>«{pattern}» también coincide con texto vacío, así que no se puede ocultar.</translation>
    </message>
    <message>
        <source>The placeholder “{pattern}” contains “{other}”, which is redacted; choose another placeholder.</source>
        <translation>El texto de sustitución «{pattern}» contiene «{other}», que se oculta; elija otro texto de sustitución.</translation>
    </message>
    <message>
        <source>“{name}”, line {line}:</source>
        <translation>«{name}», línea {line}:</translation>
    </message>
    <message>
        <source>“{name}”:</source>
        <translation>«{name}»:</translation>
    </message>
    <message>
        <source>Line {line}:</source>
        <translation>Línea {line}:</translation>
    </message>
</context>
<context>
    <name>RepairPrompt</name>
    <message>
        <source>Repair project</source>
        <translation>Reparar el proyecto</translation>
    </message>
    <message>
        <source>“{name}” is not as Annotator writes it, so Annotator does not write to it.</source>
        <translation>«{name}» no está como lo escribe Annotator, así que Annotator no escribe en él.</translation>
    </message>
    <message>
        <source>Repair removes the parts Annotator never writes (triggers, views, indexes, tables), restores the parts that are missing, and turns text stored as bytes back into text. A backup is taken first: File › Restore from Backup… brings the project back as it is now.

Repair it?</source>
        <translation>Reparar quita las partes que Annotator nunca escribe (disparadores, vistas, índices, tablas), restaura las que faltan y vuelve a convertir en texto el texto guardado como bytes. Antes se hace una copia de seguridad: Archivo › Restaurar desde una copia de seguridad… devuelve el proyecto a como está ahora.

¿Repararlo?</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>Reparar</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Ahora no</translation>
    </message>
    <message>
        <source>Backing up and repairing “{name}”…</source>
        <translation>Haciendo una copia de seguridad y reparando «{name}»…</translation>
    </message>
    <message>
        <source>Repaired “{name}”. The backup taken first: {backup}</source>
        <translation>«{name}» reparado. La copia de seguridad hecha antes: {backup}</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <source>Restore from Backup</source>
        <translation>Restaurar desde una copia de seguridad</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>Fecha de la copia</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Codings</source>
        <translation>Codificaciones</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Códigos</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>Restaurar esta copia de seguridad</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>ilegible</translation>
    </message>
    <message>
        <source>There are no backups of “{name}” yet. While a project is open, Annotator backs it up when it opens and every {minutes} minutes, into {folder}.</source>
        <translation>Aún no hay copias de seguridad de «{name}». Mientras un proyecto está abierto, Annotator hace una copia de seguridad al abrirlo y cada {minutes} minutos, en {folder}.</translation>
    </message>
    <message>
        <source>Choose the state of “{name}” to go back to. The project file will be replaced by the backup; the current file is kept beside it, named “…before-restore-…”, so nothing is lost. The newest {keep} backups are kept, in {folder}.</source>
        <translation>Elija el estado de «{name}» al que volver. El archivo del proyecto se sustituirá por la copia de seguridad; el archivo actual se conserva junto a él, con el nombre «…before-restore-…», así que no se pierde nada. Se conservan las {keep} copias de seguridad más recientes, en {folder}.</translation>
    </message>
    <message>
        <source>“{name}” is open in another window or program. Close it there, then restore again. Nothing was changed.</source>
        <translation>«{name}» está abierto en otra ventana o programa. Ciérrelo allí y vuelva a restaurar. No se cambió nada.</translation>
    </message>
</context>
<context>
    <name>ReviewDocks</name>
    <message>
        <source>Search</source>
        <translation>Búsqueda</translation>
    </message>
    <message>
        <source>Open a project to search its documents.</source>
        <translation>Abra un proyecto para buscar en sus documentos.</translation>
    </message>
    <message>
        <source>Excerpts</source>
        <translation>Extractos</translation>
    </message>
    <message>
        <source>Open a project to read its coded excerpts, code by code.</source>
        <translation>Abra un proyecto para leer sus extractos codificados, código por código.</translation>
    </message>
    <message>
        <source>Overviews</source>
        <translation>Resúmenes</translation>
    </message>
    <message>
        <source>Open a project to see how often each code was used, and where.</source>
        <translation>Abra un proyecto para ver cuántas veces se usó cada código, y dónde.</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Acuerdo</translation>
    </message>
    <message>
        <source>Open a project to compare how its coders applied the codes.</source>
        <translation>Abra un proyecto para comparar cómo aplicaron los códigos sus codificadores.</translation>
    </message>
</context>
<context>
    <name>SchemaWording</name>
    <message>
        <source>table</source>
        <translation>tabla</translation>
    </message>
    <message>
        <source>full-text index</source>
        <translation>índice de texto completo</translation>
    </message>
    <message>
        <source>index</source>
        <translation>índice</translation>
    </message>
    <message>
        <source>trigger</source>
        <translation>disparador</translation>
    </message>
    <message>
        <source>view</source>
        <translation>vista</translation>
    </message>
    <message>
        <source>{kind} “{name}”</source>
        <translation>{kind} «{name}»</translation>
    </message>
    <message>
        <source>column “{name}” missing</source>
        <translation>falta la columna «{name}»</translation>
    </message>
    <message>
        <source>column “{name}” not written by Annotator</source>
        <translation>columna «{name}» no escrita por Annotator</translation>
    </message>
    <message>
        <source>not written by Annotator</source>
        <translation>no escrito por Annotator</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>falta</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>cambiado</translation>
    </message>
    <message>
        <source>{what} ({how})</source>
        <translation>{what} ({how})</translation>
    </message>
    <message>
        <source>{table}.{column}: {rows} row not {type}</source>
        <translation>{table}.{column}: {rows} fila que no es {type}</translation>
    </message>
    <message>
        <source>{table}.{column}: {rows} rows not {type}</source>
        <translation>{table}.{column}: {rows} filas que no son {type}</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>integer</source>
        <translation>un número entero</translation>
    </message>
    <message>
        <source>real number</source>
        <translation>un número real</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>bytes</translation>
    </message>
    <message>
        <source>; and {count} more</source>
        <translation>; y {count} más</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Words</source>
        <translation>Palabras</translation>
    </message>
    <message>
        <source>Exact text</source>
        <translation>Texto exacto</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Expresión regular</translation>
    </message>
    <message>
        <source>Words, &quot;a phrase&quot;, surveil*, AND, OR, NOT, (…)</source>
        <translation>Palabras, &quot;una frase&quot;, vigil*, AND, OR, NOT, (…)</translation>
    </message>
    <message>
        <source>Text to find, exactly as written</source>
        <translation>Texto que buscar, exactamente como está escrito</translation>
    </message>
    <message>
        <source>A regular expression, e.g. licen[cs]e\W+plates?</source>
        <translation>Una expresión regular, p. ej., c[áa]maras?\W+de\W+vigilancia</translation>
    </message>
    <message>
        <source>Search query</source>
        <translation>Consulta de búsqueda</translation>
    </message>
    <message>
        <source>Search mode</source>
        <translation>Modo de búsqueda</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Distinguir mayúsculas</translation>
    </message>
    <message>
        <source>For exact text and regular expressions</source>
        <translation>Para texto exacto y expresiones regulares</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Code all matches…</source>
        <translation>Codificar todas las coincidencias…</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <source>No matches.</source>
        <translation>Sin coincidencias.</translation>
    </message>
    <message>
        <source>Matches: the first {shown} are listed; scroll for more.</source>
        <translation>Coincidencias: se muestran las {shown} primeras; desplácese para ver más.</translation>
    </message>
    <message>
        <source>Matches in 1 document: the first {shown} are listed; scroll for more.</source>
        <translation>Coincidencias en 1 documento: se muestran las {shown} primeras; desplácese para ver más.</translation>
    </message>
    <message>
        <source>Matches in {count:,} documents: the first {shown} are listed; scroll for more.</source>
        <translation>Coincidencias en {count:,} documentos: se muestran las {shown} primeras; desplácese para ver más.</translation>
    </message>
    <message>
        <source>Found inside words (no whole word matched, or the script has no spaces).</source>
        <translation>Encontrado dentro de palabras (ninguna palabra completa coincidió, o la escritura no usa espacios).</translation>
    </message>
    <message>
        <source>1 match.</source>
        <translation>1 coincidencia.</translation>
    </message>
    <message>
        <source>{shown:,} matches.</source>
        <translation>{shown:,} coincidencias.</translation>
    </message>
    <message>
        <source>1 match in 1 document.</source>
        <translation>1 coincidencia en 1 documento.</translation>
    </message>
    <message>
        <source>{shown:,} matches in 1 document.</source>
        <translation>{shown:,} coincidencias en 1 documento.</translation>
    </message>
    <message>
        <source>1 match in {count:,} documents.</source>
        <translation>1 coincidencia en {count:,} documentos.</translation>
    </message>
    <message>
        <source>{shown:,} matches in {count:,} documents.</source>
        <translation>{shown:,} coincidencias en {count:,} documentos.</translation>
    </message>
    <message>
        <source>Check the search: there is nothing to search for ({where}).</source>
        <translation>Revise la búsqueda: no hay nada que buscar ({where}).</translation>
    </message>
    <message>
        <source>Check the search: this quote is never closed ({where}).</source>
        <translation>Revise la búsqueda: estas comillas no se cierran ({where}).</translation>
    </message>
    <message>
        <source>Check the search: this “(” is never closed ({where}).</source>
        <translation>Revise la búsqueda: este «(» no se cierra ({where}).</translation>
    </message>
    <message>
        <source>Check the search: this “)” has no “(” before it ({where}).</source>
        <translation>Revise la búsqueda: este «)» no tiene un «(» antes ({where}).</translation>
    </message>
    <message>
        <source>Check the search: there is nothing inside the brackets ({where}).</source>
        <translation>Revise la búsqueda: no hay nada dentro de los paréntesis ({where}).</translation>
    </message>
    <message>
        <source>Check the search: there is nothing inside the quotes ({where}).</source>
        <translation>Revise la búsqueda: no hay nada dentro de las comillas ({where}).</translation>
    </message>
    <message>
        <source>Check the search: a lone “*” needs letters before it ({where}).</source>
        <translation>Revise la búsqueda: un «*» solo necesita letras delante ({where}).</translation>
    </message>
    <message>
        <source>Check the search: it ends where a word was expected ({where}).</source>
        <translation>Revise la búsqueda: termina donde se esperaba una palabra ({where}).</translation>
    </message>
    <message>
        <source>Check the search: NOT needs a word or phrase before it ({where}).</source>
        <translation>Revise la búsqueda: NOT necesita una palabra o frase delante ({where}).</translation>
    </message>
    <message>
        <source>Check the search: {operator} needs a word or phrase on both sides ({where}).</source>
        <translation>Revise la búsqueda: {operator} necesita una palabra o frase a cada lado ({where}).</translation>
    </message>
    <message>
        <source>Check the search: not a valid pattern ({where}). Details: {detail}</source>
        <translation>Revise la búsqueda: no es un patrón válido ({where}). Detalles: {detail}</translation>
    </message>
    <message>
        <source>Check the search: the search index cannot run it ({where}). Details: {detail}</source>
        <translation>Revise la búsqueda: el índice de búsqueda no puede ejecutarla ({where}). Detalles: {detail}</translation>
    </message>
    <message>
        <source>at the end</source>
        <translation>al final</translation>
    </message>
    <message>
        <source>at character {number}</source>
        <translation>en el carácter {number}</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Pasaje</translation>
    </message>
</context>
<context>
    <name>SelectionPicker</name>
    <message>
        <source>Codes</source>
        <translation>Códigos</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Codificadores</translation>
    </message>
    <message>
        <source>Published from “{value}”: write a date as YYYY, YYYY-MM or YYYY-MM-DD.</source>
        <translation>Publicado desde «{value}»: escriba una fecha como AAAA, AAAA-MM o AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>Published until “{value}”: write a date as YYYY, YYYY-MM or YYYY-MM-DD.</source>
        <translation>Publicado hasta «{value}»: escriba una fecha como AAAA, AAAA-MM o AAAA-MM-DD.</translation>
    </message>
    <message>
        <source>The dates “{value}” are the wrong way round: swap them.</source>
        <translation>Las fechas «{value}» están al revés: inviértalas.</translation>
    </message>
    <message>
        <source>Include sub-codes</source>
        <translation>Incluir los subcódigos</translation>
    </message>
    <message>
        <source>Filter documents by title</source>
        <translation>Filtrar los documentos por título</translation>
    </message>
    <message>
        <source>Words in the coding memo</source>
        <translation>Palabras del memo de la codificación</translation>
    </message>
    <message>
        <source>{list} (none ticked: all)</source>
        <translation>{list} (ninguno marcado: todos)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>{list}: {button}</source>
        <translation>{list}: {button}</translation>
    </message>
</context>
<context>
    <name>ShortcutDialog</name>
    <message>
        <source>Key for “{name}”</source>
        <translation>Tecla para «{name}»</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Tecla</translation>
    </message>
    <message>
        <source>Press the key (for example F5 or Ctrl+Shift+P). With the text focused, it codes the selection. Leave empty to use the default digit, if any.</source>
        <translation>Pulse la tecla (por ejemplo, F5 o Ctrl+Mayús+P). Con el foco en el texto, codifica la selección. Déjelo vacío para usar el dígito predeterminado, si lo hay.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>Libro de códigos</translation>
    </message>
    <message>
        <source>Shift+arrows, Shift+Ctrl+arrows</source>
        <translation>Mayús+flechas, Mayús+Ctrl+flechas</translation>
    </message>
    <message>
        <source>Select text with the keyboard</source>
        <translation>Seleccionar texto con el teclado</translation>
    </message>
    <message>
        <source>Menu key or Shift+F10</source>
        <translation>Tecla de menú o Mayús+F10</translation>
    </message>
    <message>
        <source>Coding menu at the cursor</source>
        <translation>Menú de codificación en el cursor</translation>
    </message>
    <message>
        <source>Code the selection with the first nine codes (or their own keys)</source>
        <translation>Codificar la selección con los nueve primeros códigos (o con sus propias teclas)</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Intro</translation>
    </message>
    <message>
        <source>Code the selected text with the current code</source>
        <translation>Codificar el texto seleccionado con el código actual</translation>
    </message>
    <message>
        <source>Type letters</source>
        <translation>Escribir letras</translation>
    </message>
    <message>
        <source>Jump to a code by name</source>
        <translation>Saltar a un código por su nombre</translation>
    </message>
    <message>
        <source>Anywhere</source>
        <translation>En cualquier lugar</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Mayús+Tab</translation>
    </message>
    <message>
        <source>Move between panes and fields</source>
        <translation>Moverse entre paneles y campos</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Hace</translation>
    </message>
    <message>
        <source>Offline coding of documents for human-rights research: highlight passages, code them against a codebook, export cited excerpts.</source>
        <translation>Codificación de documentos sin conexión para la investigación en derechos humanos: resalte pasajes, codifíquelos con un libro de códigos y exporte extractos con sus citas.</translation>
    </message>
    <message>
        <source>Your projects stay on this computer; Annotator never connects to the network.</source>
        <translation>Sus proyectos se quedan en este ordenador; Annotator nunca se conecta a la red.</translation>
    </message>
    <message>
        <source>Licensed under the GNU GPL, version 3 or later.</source>
        <translation>Con licencia GNU GPL, versión 3 o posterior.</translation>
    </message>
    <message>
        <source>About Annotator</source>
        <translation>Acerca de Annotator</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No project is open&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;No hay ningún proyecto abierto&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>A project is one file holding your documents, codebook and codings. Every action is saved the moment you do it.</source>
        <translation>Un proyecto es un solo archivo con sus documentos, su libro de códigos y sus codificaciones. Cada acción se guarda en el momento en que la hace.</translation>
    </message>
    <message>
        <source>Try the &amp;sample project</source>
        <translation>Probar el proyecto de &amp;ejemplo</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Nuevo proyecto…</translation>
    </message>
    <message>
        <source>&amp;Open a project…</source>
        <translation>&amp;Abrir un proyecto…</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>Select a passage in the text to code it as {path}.</source>
        <translation>Seleccione un pasaje del texto para codificarlo como {path}.</translation>
    </message>
</context>
</TS>
